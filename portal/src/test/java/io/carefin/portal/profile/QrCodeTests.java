package io.carefin.portal.profile;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QrCodeTests {

	static final String URI = "otpauth://totp/CareFin:dr.ames?secret=JBSWY3DPEHPK3PXP&issuer=CareFin&algorithm=SHA1&digits=6&period=30";

	@Test
	void theDrawnCodeReadsBackAsTheAuthenticatorUri() throws Exception {
		QrCode code = QrCode.of(URI);
		assertThat(new QRCodeReader().decode(bitmap(code, 4)).getText()).isEqualTo(URI);
	}

	@Test
	void theCodeKeepsAQuietZoneOfFourModules() {
		QrCode code = QrCode.of(URI);
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
