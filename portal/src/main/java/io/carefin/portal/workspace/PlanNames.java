package io.carefin.portal.workspace;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import io.carefin.portal.api.ApiProblemException;
import io.carefin.portal.api.ApiUnavailableException;
import io.carefin.portal.api.TransactionsApi;

/**
 * The practice's plans by the names the purchase form shows
 * ({@code @planNames.name(code)} in templates), read once a request from the practice's
 * plans; a plan the practice no longer offers, or any plan while the API can't answer,
 * keeps its code.
 */
@Component("planNames")
public class PlanNames {

	private static final Logger logger = LoggerFactory.getLogger(PlanNames.class);

	private static final String ATTRIBUTE = PlanNames.class.getName();

	private final TransactionsApi transactions;

	PlanNames(TransactionsApi transactions) {
		this.transactions = transactions;
	}

	/**
	 * The plan's name, such as "No interest if paid in full in 12 months", or its code.
	 */
	public String name(@Nullable String code) {
		if (code == null) {
			return "—";
		}
		return names().getOrDefault(code, code);
	}

	@SuppressWarnings("unchecked")
	private Map<String, String> names() {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null
				&& request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof Map<?, ?> kept) {
			return (Map<String, String>) kept;
		}
		Map<String, String> names = read();
		if (request != null) {
			request.setAttribute(ATTRIBUTE, names, RequestAttributes.SCOPE_REQUEST);
		}
		return names;
	}

	private Map<String, String> read() {
		try {
			Map<String, String> names = new LinkedHashMap<>();
			this.transactions.plans()
				.stream()
				.filter((plan) -> plan.code() != null && plan.name() != null)
				.forEach((plan) -> names.put(plan.code(), plan.name()));
			return Map.copyOf(names);
		}
		catch (ApiProblemException | ApiUnavailableException | ResourceAccessException ex) {
			logger.warn("The plans' names can't be read, their codes are shown: {}",
					(ex instanceof ResourceAccessException) ? "I/O error" : ex.getMessage());
			return Map.of();
		}
	}

}
