/*
 * CareFin portal: the idle-timeout warning, and focus after htmx page swaps.
 * Pages work without this script; it only warns before the session ends and keeps focus where a
 * keyboard or screen-reader user expects it.
 */
(function () {
	'use strict';

	var WARNING_SECONDS = 60;
	var warningTimer = null;
	var endTimer = null;

	function idleSeconds() {
		var seconds = parseInt(document.body.getAttribute('data-idle-seconds'), 10);
		return isNaN(seconds) ? 0 : seconds;
	}

	function timedOut() {
		window.location.assign(document.body.getAttribute('data-timed-out-url') || '/?timed-out');
	}

	function warn() {
		var dialog = document.getElementById('session-warning');
		if (dialog && typeof dialog.showModal === 'function' && !dialog.open) {
			dialog.showModal();
		}
	}

	function restartTimers() {
		var seconds = idleSeconds();
		window.clearTimeout(warningTimer);
		window.clearTimeout(endTimer);
		if (seconds <= 0) {
			return;
		}
		warningTimer = window.setTimeout(warn, Math.max(seconds - WARNING_SECONDS, 0) * 1000);
		// a moment after the server's own end, so that the page it asks for finds the session over
		endTimer = window.setTimeout(timedOut, (seconds + 2) * 1000);
	}

	function staySignedIn(event) {
		event.preventDefault();
		var form = event.target;
		var dialog = document.getElementById('session-warning');
		window.fetch(form.action, {
			method: 'POST',
			body: new URLSearchParams(new FormData(form)),
			credentials: 'same-origin',
			redirect: 'manual',
			headers: csrfHeaders()
		}).then(function (response) {
			if (response.status === 204) {
				if (dialog) {
					dialog.close();
				}
				restartTimers();
			}
			else {
				timedOut();
			}
		}, timedOut);
	}

	function csrfHeaders() {
		var token = document.querySelector('meta[name="_csrf"]');
		var header = document.querySelector('meta[name="_csrf_header"]');
		var headers = {};
		if (token && header) {
			headers[header.getAttribute('content')] = token.getAttribute('content');
		}
		return headers;
	}

	function focusAfterSwap() {
		var target = document.querySelector('.error-summary') || document.getElementById('main');
		if (target) {
			target.focus();
		}
	}

	document.addEventListener('submit', function (event) {
		if (event.target.matches && event.target.matches('#session-warning form.keep-alive')) {
			staySignedIn(event);
		}
	});

	document.addEventListener('DOMContentLoaded', function () {
		var summary = document.querySelector('.error-summary');
		if (summary) {
			summary.focus();
		}
		restartTimers();
	});

	document.addEventListener('htmx:afterSettle', function (event) {
		restartTimers();
		if (event.detail && event.detail.boosted) {
			focusAfterSwap();
		}
	});
})();
