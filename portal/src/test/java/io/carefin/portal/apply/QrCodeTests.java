package io.carefin.portal.apply;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QrCodeTests {

	static final String LINK = "https://portal.example/apply/BRIGHT-SMILES";

	@Test
	void theFlyersPngReadsBackAsThePatientLink() throws Exception {
		QrCode qr = QrCode.of(LINK);
		assertThat(qr.png()).startsWith("data:image/png;base64,");
		BufferedImage image = png(qr);
		assertThat(image.getWidth()).isEqualTo(qr.size() * 12);
		int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
		BinaryBitmap bitmap = new BinaryBitmap(
				new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
		assertThat(new QRCodeReader().decode(bitmap).getText()).isEqualTo(LINK);
	}

	@Test
	void theSvgPathDrawsOneUnitPerModuleWithAQuietZone() {
		QrCode qr = QrCode.of(LINK);
		assertThat(qr.path()).startsWith("M4 4h7v1h-7z");
		assertThat(qr.toString()).doesNotContain(LINK);
	}

	private static BufferedImage png(QrCode qr) throws IOException {
		byte[] bytes = Base64.getDecoder().decode(qr.png().substring(qr.png().indexOf(',') + 1));
		return ImageIO.read(new ByteArrayInputStream(bytes));
	}

}
