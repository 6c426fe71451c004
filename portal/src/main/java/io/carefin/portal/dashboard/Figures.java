package io.carefin.portal.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.carefin.portal.api.ReportsApi;

/**
 * A period's activity at a glance, from the reporting API.
 *
 * @param label the period in words, such as "Today"
 * @param from its first day
 * @param to its last day
 * @param summary applications, purchases, refunds and voids
 * @param netFunding what the practice is paid for the period's settlements
 */
record Figures(String label, LocalDate from, LocalDate to, ReportsApi.Summary summary, BigDecimal netFunding) {

}
