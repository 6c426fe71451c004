package io.carefin.portal.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Collectors;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

import io.carefin.portal.Browser;

/**
 * A PDF a browser downloads, with its session's cookies, read as PDFBox reads it.
 *
 * @param status the HTTP status
 * @param contentType the {@code Content-Type}
 * @param disposition the {@code Content-Disposition}
 * @param bytes the body
 */
public record PdfDownload(int status, String contentType, String disposition, byte[] bytes) {

	/**
	 * Downloads the given path as the given browser, with the given headers (name, value,
	 * name, value, …) such as a proxy's.
	 */
	public static PdfDownload of(Browser browser, int port, String path, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
		if (headers.length > 0) {
			request.headers(headers);
		}
		if (!browser.cookies().isEmpty()) {
			request.header("Cookie",
					browser.cookies()
						.entrySet()
						.stream()
						.map((cookie) -> cookie.getKey() + "=" + cookie.getValue())
						.collect(Collectors.joining("; ")));
		}
		try (HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()) {
			HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			return new PdfDownload(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.headers().firstValue("Content-Disposition").orElse(""), response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The PDF's text, whitespace collapsed.
	 */
	public String text() {
		try (PDDocument document = Loader.loadPDF(this.bytes)) {
			return new PDFTextStripper().getText(document).replaceAll("\\s+", " ").strip();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * How many pages the PDF has.
	 */
	public int pages() {
		try (PDDocument document = Loader.loadPDF(this.bytes)) {
			return document.getNumberOfPages();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * How many images the PDF's first page draws.
	 */
	public int imagesOnFirstPage() {
		try (PDDocument document = Loader.loadPDF(this.bytes)) {
			int images = 0;
			var resources = document.getPage(0).getResources();
			for (var name : resources.getXObjectNames()) {
				if (resources.isImageXObject(name)) {
					images++;
				}
			}
			return images;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
