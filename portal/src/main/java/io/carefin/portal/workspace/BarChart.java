package io.carefin.portal.workspace;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * A horizontal bar chart the server draws as SVG, whose figures the page also lists in a
 * table: each bar's length is its value's share of the largest, and its label is written
 * above it, where a plan's whole name fits.
 *
 * @param id the chart's element id
 * @param title what it shows
 * @param bars its bars, top to bottom
 */
public record BarChart(String id, String title, List<Bar> bars) {

	static final int BAR_AREA = 480;

	static final int ROW_HEIGHT = 54;

	private static final int LABEL_HEIGHT = 22;

	public BarChart {
		bars = List.copyOf(bars);
	}

	/**
	 * The SVG's height.
	 */
	public int height() {
		return Math.max(this.bars.size(), 1) * ROW_HEIGHT + 6;
	}

	/**
	 * The length of a bar in the SVG's units; a sliver for a value above zero.
	 */
	public int length(Bar bar) {
		BigDecimal largest = this.bars.stream().map(Bar::value).reduce(BigDecimal.ZERO, BigDecimal::max);
		if (largest.signum() <= 0 || bar.value().signum() <= 0) {
			return 0;
		}
		int length = bar.value()
			.multiply(BigDecimal.valueOf(BAR_AREA))
			.divide(largest, 0, RoundingMode.HALF_UP)
			.intValue();
		return Math.max(length, 2);
	}

	public int barArea() {
		return BAR_AREA;
	}

	public int valueX() {
		return BAR_AREA + 10;
	}

	/**
	 * The baseline of a bar's label.
	 */
	public int labelY(int index) {
		return index * ROW_HEIGHT + 16;
	}

	/**
	 * The top of a bar.
	 */
	public int barY(int index) {
		return index * ROW_HEIGHT + LABEL_HEIGHT;
	}

	public boolean empty() {
		return this.bars.stream().allMatch((bar) -> bar.value().signum() == 0);
	}

	/**
	 * One bar.
	 *
	 * @param label what it counts
	 * @param value its value
	 * @param shown its value as the page shows it
	 */
	public record Bar(String label, BigDecimal value, String shown) {

	}

}
