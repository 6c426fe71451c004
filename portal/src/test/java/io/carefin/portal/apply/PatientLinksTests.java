package io.carefin.portal.apply;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class PatientLinksTests {

	@Test
	void theLinkUsesTheSchemeAndHostTheGatewayForwards() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/resources");
		request.setServerName("10.0.4.7");
		request.setServerPort(8086);
		request.addHeader("X-Forwarded-Proto", "https");
		request.addHeader("X-Forwarded-Host", "portal.example");
		assertThat(PatientLinks.of(request, "BRIGHT-SMILES")).isEqualTo("https://portal.example/apply/BRIGHT-SMILES");
	}

	@Test
	void aForwardedPortIsKept() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/resources");
		request.addHeader("X-Forwarded-Proto", "http");
		request.addHeader("X-Forwarded-Host", "localhost:8080");
		assertThat(PatientLinks.of(request, "BRIGHT-SMILES")).isEqualTo("http://localhost:8080/apply/BRIGHT-SMILES");
	}

	@Test
	void withoutForwardedHeadersTheLinkIsTheRequestsOwnAddress() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/resources/flyer");
		request.setServerName("localhost");
		request.setServerPort(8086);
		request.setQueryString("x=1");
		assertThat(PatientLinks.of(request, "BRIGHT-SMILES")).isEqualTo("http://localhost:8086/apply/BRIGHT-SMILES");
	}

	@Test
	void theCodeIsOnePathSegment() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/resources");
		request.setServerName("portal.example");
		request.setServerPort(80);
		assertThat(PatientLinks.of(request, "A B/C")).isEqualTo("http://portal.example/apply/A%20B%2FC");
	}

}
