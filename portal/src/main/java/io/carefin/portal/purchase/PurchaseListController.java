package io.carefin.portal.purchase;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.carefin.portal.api.TransactionsApi;
import io.carefin.portal.config.FormErrors;
import io.carefin.portal.workspace.PracticeCalendar;

/**
 * The practice's purchases in a date range, a page at a time, and as CSV.
 */
@Controller
class PurchaseListController {

	static final int PAGE_SIZE = 25;

	static final int MAX_DAYS = 366;

	private final TransactionsApi transactions;

	private final PracticeCalendar calendar;

	PurchaseListController(TransactionsApi transactions, PracticeCalendar calendar) {
		this.transactions = transactions;
		this.calendar = calendar;
	}

	@GetMapping("/purchases")
	String purchases(@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, @RequestParam(defaultValue = "1") int page,
			HttpServletResponse response, Model model) {
		Range range = range(from, to);
		model.addAttribute("from", (from != null) ? from : range.from().toString());
		model.addAttribute("to", (to != null) ? to : range.to().toString());
		model.addAttribute("errors", range.errors());
		if (range.errors().any()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("purchases", List.of());
			model.addAttribute("page", 1);
			model.addAttribute("pages", 1);
			return "purchase/list";
		}
		List<TransactionsApi.Purchase> all = list(range);
		int pages = Math.max(1, (all.size() + PAGE_SIZE - 1) / PAGE_SIZE);
		int current = Math.min(Math.max(page, 1), pages);
		model.addAttribute("purchases",
				all.subList((current - 1) * PAGE_SIZE, Math.min(current * PAGE_SIZE, all.size())));
		model.addAttribute("page", current);
		model.addAttribute("pages", pages);
		model.addAttribute("total", all.size());
		return "purchase/list";
	}

	@GetMapping("/purchases/export")
	ResponseEntity<String> csv(@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to) {
		Range range = range(from, to);
		if (range.errors().any()) {
			return ResponseEntity.badRequest()
				.contentType(MediaType.TEXT_PLAIN)
				.body(range.errors().list().getFirst().message());
		}
		StringBuilder csv = new StringBuilder(
				"business_day,authorization_code,account_last4,plan,status,amount,refunded,remaining\r\n");
		for (TransactionsApi.Purchase purchase : list(range)) {
			csv.append(String.join(",", purchase.businessDate().toString(),
					(purchase.authorizationCode() != null) ? purchase.authorizationCode() : "", purchase.accountLast4(),
					purchase.promotionCode(), purchase.status(), purchase.amount().toPlainString(),
					purchase.refunded().toPlainString(),
					(purchase.remaining() != null) ? purchase.remaining().toPlainString() : ""))
				.append("\r\n");
		}
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename("purchases-%s-%s.csv".formatted(range.from(), range.to()))
						.build()
						.toString())
			.body(csv.toString());
	}

	private List<TransactionsApi.Purchase> list(Range range) {
		return this.transactions.purchases(null, range.from().toString(), range.to().toString())
			.stream()
			.sorted(Comparator.comparing(TransactionsApi.Purchase::createdAt).reversed())
			.toList();
	}

	private Range range(@Nullable String from, @Nullable String to) {
		LocalDate today = this.calendar.today();
		List<FormErrors.FieldError> problems = new ArrayList<>();
		LocalDate first = date(from, "from", "start", problems);
		LocalDate last = date(to, "to", "end", problems);
		first = (first != null) ? first : today.minusDays(29);
		last = (last != null) ? last : today;
		if (problems.isEmpty() && first.isAfter(last)) {
			problems.add(new FormErrors.FieldError("from", "The start date must be on or before the end date."));
		}
		else if (problems.isEmpty() && ChronoUnit.DAYS.between(first, last) + 1 > MAX_DAYS) {
			problems.add(new FormErrors.FieldError("to", "Choose a range of at most 366 days."));
		}
		return new Range(first, last, new FormErrors(problems));
	}

	private static @Nullable LocalDate date(@Nullable String value, String field, String which,
			List<FormErrors.FieldError> problems) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			problems.add(new FormErrors.FieldError(field, "Enter the " + which + " date as a date, like 2026-11-24."));
			return null;
		}
	}

	record Range(LocalDate from, LocalDate to, FormErrors errors) {

	}

}
