package io.carefin.portal.workspace;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QrCodeTests {

	static final String LINK = "https://portal.example/apply/BRIGHT-SMILES";

	static final String AUTHENTICATOR_URI = "otpauth://totp/CareFin:dr.ames?secret=JBSWY3DPEHPK3PXP&issuer=CareFin&algorithm=SHA1&digits=6&period=30";

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

	@Test
	void theDrawnCodeReadsBackAsTheAuthenticatorUri() throws Exception {
		QrCode code = QrCode.of(AUTHENTICATOR_URI);
		assertThat(new QRCodeReader().decode(bitmap(code, 4)).getText()).isEqualTo(AUTHENTICATOR_URI);
	}

	@Test
	void theCodeKeepsAQuietZoneOfFourModules() {
		QrCode code = QrCode.of(AUTHENTICATOR_URI);
		boolean[][] dark = modules(code);
		for (int i = 0; i < code.size(); i++) {
			for (int edge = 0; edge < 4; edge++) {
				assertThat(dark[edge][i] || dark[i][edge] || dark[code.size() - 1 - edge][i]
						|| dark[i][code.size() - 1 - edge])
					.isFalse();
			}
		}
	}

	private static BinaryBitmap bitmap(QrCode code, int scale) {
		boolean[][] dark = modules(code);
		int size = code.size() * scale;
		int[] pixels = new int[size * size];
		for (int y = 0; y < size; y++) {
			for (int x = 0; x < size; x++) {
				pixels[y * size + x] = dark[y / scale][x / scale] ? 0xFF000000 : 0xFFFFFFFF;
			}
		}
		return new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(size, size, pixels)));
	}

	// the path is "M{x} {y}h{n}v1h-{n}z" per run of dark modules
	private static boolean[][] modules(QrCode code) {
		boolean[][] dark = new boolean[code.size()][code.size()];
		Matcher run = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-\\d+z").matcher(code.path());
		int covered = 0;
		while (run.find()) {
			int x = Integer.parseInt(run.group(1));
			int y = Integer.parseInt(run.group(2));
			for (int i = 0; i < Integer.parseInt(run.group(3)); i++) {
				dark[y][x + i] = true;
			}
			covered += run.group().length();
		}
		assertThat(covered).as("the whole path is runs").isEqualTo(code.path().length());
		return dark;
	}

}
