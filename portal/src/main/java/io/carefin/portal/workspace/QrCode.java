package io.carefin.portal.workspace;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * A QR code: as an SVG path for a page to draw inline (no image request, so a secret it
 * carries, such as an authenticator key, never appears in a URL), and as a PNG for the
 * flyer, which a PDF renderer without SVG support draws too.
 *
 * @param size the code's width and height in modules, quiet zone included
 * @param path the dark modules as SVG path data, one unit per module
 * @param png the code as a PNG {@code data:} URI, {@value #PNG_MODULE} pixels a module
 */
public record QrCode(int size, String path, String png) {

	private static final int QUIET_ZONE = 4;

	private static final int PNG_MODULE = 12;

	/**
	 * The QR code that carries the given text, such as a patient link or an authenticator
	 * app's key.
	 */
	public static QrCode of(String text) {
		BitMatrix matrix;
		try {
			// a printed flyer gets creased and smudged: the higher correction level reads
			// through that
			matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
					Map.of(EncodeHintType.MARGIN, QUIET_ZONE, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.Q));
		}
		catch (WriterException ex) {
			throw new IllegalArgumentException("Cannot draw a QR code for this text", ex);
		}
		return new QrCode(matrix.getWidth(), path(matrix), png(matrix));
	}

	private static String path(BitMatrix matrix) {
		StringBuilder path = new StringBuilder();
		for (int y = 0; y < matrix.getHeight(); y++) {
			int x = 0;
			while (x < matrix.getWidth()) {
				if (!matrix.get(x, y)) {
					x++;
					continue;
				}
				int start = x;
				while (x < matrix.getWidth() && matrix.get(x, y)) {
					x++;
				}
				path.append('M')
					.append(start)
					.append(' ')
					.append(y)
					.append('h')
					.append(x - start)
					.append("v1h-")
					.append(x - start)
					.append('z');
			}
		}
		return path.toString();
	}

	private static String png(BitMatrix matrix) {
		int side = matrix.getWidth() * PNG_MODULE;
		BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_BINARY);
		for (int y = 0; y < side; y++) {
			for (int x = 0; x < side; x++) {
				image.setRGB(x, y, matrix.get(x / PNG_MODULE, y / PNG_MODULE) ? 0x000000 : 0xFFFFFF);
			}
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return "data:image/png;base64," + Base64.getEncoder().encodeToString(bytes.toByteArray());
	}

	@Override
	public String toString() {
		return "QrCode[size=" + this.size + "]";
	}

}
