package io.carefin.portal.workspace;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * Where a page of a list stands: its number, how many items the list holds, and the links
 * to the previous, next and nearby pages, each keeping the list's other query parameters.
 *
 * @param page the page shown, 0 for the first
 * @param size items a page
 * @param total items in the whole list
 * @param links each page near this one, the first and the last
 * @param previous the previous page's address, none on the first
 * @param next the next page's address, none on the last
 */
public record Pagination(int page, int size, long total, List<Link> links, @Nullable String previous,
		@Nullable String next) {

	private static final int NEARBY = 2;

	/**
	 * The pagination of a list whose pages are addressed by the given link with a
	 * {@code page} parameter.
	 */
	public static Pagination of(int page, int size, long total, UriComponentsBuilder base) {
		int last = (total == 0) ? 0 : (int) ((total - 1) / size);
		List<Link> links = new ArrayList<>();
		for (int number = 0; number <= last; number++) {
			if (number == 0 || number == last || Math.abs(number - page) <= NEARBY) {
				if (!links.isEmpty() && links.getLast().number() < number - 1) {
					links.add(new Link(-1, null, false));
				}
				links.add(new Link(number, href(base, number), number == page));
			}
		}
		return new Pagination(page, size, total, List.copyOf(links),
				(page > 0) ? href(base, Math.min(page, last + 1) - 1) : null,
				(page < last) ? href(base, page + 1) : null);
	}

	/**
	 * Whether the list has more than one page.
	 */
	public boolean several() {
		return this.total > this.size;
	}

	private static String href(UriComponentsBuilder base, int page) {
		return base.cloneBuilder().replaceQueryParam("page", page).build().encode().toUriString();
	}

	/**
	 * A link to a page, or a gap between pages when its number is -1.
	 *
	 * @param number the page, 0 for the first
	 * @param href its address
	 * @param current whether it is the page shown
	 */
	public record Link(int number, @Nullable String href, boolean current) {

		public boolean gap() {
			return this.number < 0;
		}

		/**
		 * The page's number as people count, from 1.
		 */
		public int shown() {
			return this.number + 1;
		}

	}

}
