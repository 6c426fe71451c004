package io.carefin.portal.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;

/**
 * Renders part of a page as a PDF: the page's template as the browser gets it, then the
 * element that prints (such as {@code article.receipt}) with the given stylesheets from
 * {@code static/css}, drawn by openhtmltopdf in its print media. Nothing is fetched while
 * drawing: stylesheets are read from the class path, and images must be {@code data:}
 * URIs.
 */
@Component
public class PdfPages {

	private final ThymeleafViewResolver views;

	PdfPages(ThymeleafViewResolver views) {
		this.views = views;
	}

	/**
	 * The given page's printable part as a PDF download.
	 * @param view the page's template, such as {@code purchase/receipt}
	 * @param model the page's model
	 * @param part the CSS selector of the element that prints
	 * @param stylesheets the stylesheets under {@code static/css}, such as
	 * {@code pdf.css}
	 * @param filename the download's name
	 */
	public ResponseEntity<byte[]> download(String view, Map<String, ?> model, String part, List<String> stylesheets,
			String filename, HttpServletRequest request, HttpServletResponse response) {
		byte[] pdf = render(html(view, model, request, response), part, stylesheets);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename).build().toString())
			.body(pdf);
	}

	private String html(String name, Map<String, ?> model, HttpServletRequest request, HttpServletResponse response) {
		try {
			View view = this.views.resolveViewName(name, Locale.US);
			if (view == null) {
				throw new IllegalStateException("No template " + name);
			}
			CapturedPage page = new CapturedPage(response);
			view.render(model, request, page);
			return page.html();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not render " + name + " for a PDF", ex);
		}
	}

	static byte[] render(String html, String part, List<String> stylesheets) {
		Document page = Jsoup.parse(html);
		Element printed = page.selectFirst(part);
		if (printed == null) {
			throw new IllegalStateException("The page has no " + part);
		}
		Document pdf = Document.createShell("");
		pdf.outputSettings().charset(StandardCharsets.UTF_8);
		pdf.selectFirst("html").attr("lang", "en");
		pdf.head().appendElement("meta").attr("charset", "utf-8");
		pdf.head().appendElement("title").text(page.title());
		for (String stylesheet : stylesheets) {
			pdf.head().appendElement("style").appendChild(new DataNode(css(stylesheet)));
		}
		pdf.body().appendChild(printed.clone());
		pdf.select("script, svg, form, button").remove();
		plainCharacters(pdf);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.withProducer("CareFin portal");
			// nothing is fetched: no file, class path or network address a page might
			// name
			for (ExternalResourceControlPriority priority : ExternalResourceControlPriority.values()) {
				builder.useExternalResourceAccessControl((uri, type) -> uri != null && uri.startsWith("data:"),
						priority);
			}
			builder.withW3cDocument(new W3CDom().fromJsoup(pdf), "about:blank");
			builder.toStream(out);
			builder.run();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	// the PDF's standard fonts know the Windows-1252 characters only: the few others the
	// pages use (a minus sign, narrow spaces) become their plain equivalents
	private static void plainCharacters(Document document) {
		NodeTraversor.traverse((node, depth) -> {
			if (node instanceof TextNode text) {
				text.text(text.getWholeText()
					.replace('\u2212', '-')
					.replace('\u2011', '-')
					.replace('\u202F', ' ')
					.replace('\u2009', ' ')
					.replace('\u200A', ' '));
			}
		}, document.body());
	}

	private static String css(String stylesheet) {
		try (InputStream in = new ClassPathResource("static/css/" + stylesheet).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The page as text, instead of the browser's answer.
	 */
	private static final class CapturedPage extends HttpServletResponseWrapper {

		private final StringWriter text = new StringWriter();

		private final PrintWriter writer = new PrintWriter(this.text);

		CapturedPage(HttpServletResponse response) {
			super(response);
		}

		String html() {
			this.writer.flush();
			return this.text.toString();
		}

		@Override
		public PrintWriter getWriter() {
			return this.writer;
		}

		@Override
		public ServletOutputStream getOutputStream() {
			throw new UnsupportedOperationException("The page is captured as text");
		}

		@Override
		public void setContentType(String type) {
		}

		@Override
		public void setCharacterEncoding(String charset) {
		}

		@Override
		public void setContentLength(int length) {
		}

		@Override
		public void setContentLengthLong(long length) {
		}

		@Override
		public void setLocale(Locale locale) {
		}

		@Override
		public void flushBuffer() {
			this.writer.flush();
		}

		@Override
		public boolean isCommitted() {
			return false;
		}

	}

}
