package io.carefin.portal.purchase;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
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
import io.carefin.portal.workspace.DateRange;
import io.carefin.portal.workspace.PracticeCalendar;

/**
 * The practice's purchases in a date range, a page at a time, and as CSV.
 */
@Controller
class PurchaseListController {

	static final int PAGE_SIZE = 25;

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
		DateRange range = range(from, to);
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
		DateRange range = range(from, to);
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

	private List<TransactionsApi.Purchase> list(DateRange range) {
		return this.transactions.purchases(null, range.from().toString(), range.to().toString())
			.stream()
			.sorted(Comparator.comparing(TransactionsApi.Purchase::createdAt).reversed())
			.toList();
	}

	private DateRange range(@Nullable String from, @Nullable String to) {
		LocalDate today = this.calendar.today();
		return DateRange.of(from, to, today.minusDays(29), today);
	}

}
