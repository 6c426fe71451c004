package io.carefin.portal;

import java.net.http.HttpHeaders;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page (or any answer) the {@link Browser} got, read the way a user reads it: by
 * headings, labels, buttons and links.
 *
 * @param path the path that was asked for
 * @param status the HTTP status
 * @param headers the response headers
 * @param body the response body
 */
public record Page(String path, int status, HttpHeaders headers, String body) {

	public Document html() {
		return Jsoup.parse(this.body);
	}

	/**
	 * Where a redirect points.
	 */
	public String location() {
		return this.headers.firstValue("Location")
			.orElseThrow(() -> new AssertionError("No redirect from " + this.path));
	}

	public String header(String name) {
		return this.headers.firstValue(name).orElse("");
	}

	/**
	 * The page's visible text, whitespace collapsed.
	 */
	public String text() {
		return html().body().text();
	}

	public String heading() {
		Element h1 = html().selectFirst("h1");
		assertThat(h1).as("the page's heading").isNotNull();
		return h1.text();
	}

	/**
	 * The form control that the label with the given text names.
	 */
	public Element field(String label) {
		Element labelElement = html().getElementsByTag("label")
			.stream()
			.filter((candidate) -> candidate.text().strip().equals(label))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No label \"" + label + "\" on " + this.path));
		String id = labelElement.attr("for");
		assertThat(id).as("the label's for").isNotBlank();
		Element field = html().getElementById(id);
		assertThat(field).as("the field the label \"" + label + "\" names").isNotNull();
		return field;
	}

	public Element button(String name) {
		return html().getElementsByTag("button")
			.stream()
			.filter((candidate) -> candidate.text().strip().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No button \"" + name + "\" on " + this.path));
	}

	public Element link(String text) {
		return html().getElementsByTag("a")
			.stream()
			.filter((candidate) -> candidate.text().strip().equals(text))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No link \"" + text + "\" on " + this.path));
	}

	Form form(String button, Browser browser) {
		Element form = button(button).closest("form");
		assertThat(form).as("the form of the button \"" + button + "\"").isNotNull();
		return new Form(this, form, browser);
	}

	/**
	 * A form being filled in.
	 */
	public static final class Form {

		private final Page page;

		private final Element form;

		private final Browser browser;

		private final Map<String, String> fields = new LinkedHashMap<>();

		private final java.util.List<Map.Entry<String, String>> ticked = new java.util.ArrayList<>();

		Form(Page page, Element form, Browser browser) {
			this.page = page;
			this.form = form;
			this.browser = browser;
			form.select("input[type=hidden]").forEach((hidden) -> this.fields.put(hidden.attr("name"), hidden.val()));
			form.select("input[type=text][value][name], input[type=date][value][name]")
				.forEach((input) -> this.fields.put(input.attr("name"), input.val()));
			form.select("input[type=radio][checked]")
				.forEach((radio) -> this.fields.put(radio.attr("name"), radio.val()));
		}

		/**
		 * Types into the field with the given label.
		 */
		public Form fill(String label, String value) {
			Element field = this.page.field(label);
			assertThat(this.form.select("#" + field.id())).as("\"" + label + "\" in this form").isNotEmpty();
			this.fields.put(field.attr("name"), value);
			return this;
		}

		/**
		 * Chooses the radio button with the given label.
		 */
		public Form choose(String label) {
			Element radio = this.page.field(label);
			this.fields.put(radio.attr("name"), radio.val());
			return this;
		}

		/**
		 * Ticks the checkbox with the given label.
		 */
		public Form check(String label) {
			Element box = this.page.field(label);
			this.ticked.add(Map.entry(box.attr("name"), box.val()));
			return this;
		}

		/**
		 * The fields as they would be sent now.
		 */
		public Map<String, String> fields() {
			Map<String, String> all = new LinkedHashMap<>(this.fields);
			this.ticked.forEach((box) -> all.put(box.getKey(), box.getValue()));
			return all;
		}

		/**
		 * The address the form sends to.
		 */
		public String action() {
			return this.form.attr("action");
		}

		/**
		 * Leaves out the form's CSRF token, as a forged form would.
		 */
		public Form withoutCsrfToken() {
			this.fields.remove("_csrf");
			return this;
		}

		/**
		 * Sends the form.
		 */
		public Page press() {
			assertThat(this.form.attr("method")).isEqualToIgnoringCase("post");
			return this.browser.post(this.form.attr("action"), this.fields, this.ticked);
		}

	}

}
