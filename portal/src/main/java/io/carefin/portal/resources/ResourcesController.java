package io.carefin.portal.resources;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.carefin.portal.api.Me;
import io.carefin.portal.api.MyAccountApi;
import io.carefin.portal.apply.PatientLinks;
import io.carefin.portal.workspace.QrCode;
import io.carefin.portal.pdf.PdfPages;

/**
 * The training guides, and the practice's patient link: its address and QR code, and a
 * one-page flyer for the waiting room, printable and as a PDF.
 */
@Controller
class ResourcesController {

	private final MyAccountApi account;

	private final PdfPages pdfs;

	ResourcesController(MyAccountApi account, PdfPages pdfs) {
		this.account = account;
		this.pdfs = pdfs;
	}

	@GetMapping("/resources")
	String resources(HttpServletRequest request, Model model) {
		model.addAttribute("link", link(this.account.me().practice(), request));
		return "resources/resources";
	}

	@GetMapping("/resources/flyer")
	String flyer(HttpServletRequest request, Model model) {
		Me.Practice practice = this.account.me().practice();
		model.addAttribute("practice", practice.name());
		model.addAttribute("link", link(practice, request));
		return "resources/flyer";
	}

	@GetMapping("/resources/flyer.pdf")
	ResponseEntity<byte[]> flyerPdf(HttpServletRequest request, HttpServletResponse response, Model model) {
		flyer(request, model);
		PatientLink link = (PatientLink) model.getAttribute("link");
		String name = (link != null) ? "carefin-flyer-" + link.code() + ".pdf" : "carefin-flyer.pdf";
		return this.pdfs.download("resources/flyer", model.asMap(), ".flyer", List.of("pdf.css", "flyer.css"), name,
				request, response);
	}

	private static @Nullable PatientLink link(Me.Practice practice, HttpServletRequest request) {
		String code = practice.code();
		if (code == null || code.isBlank()) {
			return null;
		}
		String url = PatientLinks.of(request, code);
		return new PatientLink(code, url, QrCode.of(url));
	}

	/**
	 * The practice's patient link.
	 *
	 * @param code the practice's code
	 * @param url the absolute link
	 * @param qr its QR code
	 */
	record PatientLink(String code, String url, QrCode qr) {

	}

}
