package io.carefin.portal.team;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import io.carefin.portal.Browser;
import io.carefin.portal.Gateway;
import io.carefin.portal.Page;
import io.carefin.portal.PortalIntegrationTest;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

@PortalIntegrationTest
class TeamIntegrationTests {

	static final String MEMBERS = """
			[{"userId": "dr.ames", "email": "ames@lakeside.example", "role": "PRACTICE_ADMIN",
			  "permissions": ["MANAGE_USERS", "VIEW_REPORTS"], "status": "ACTIVE"},
			 {"userId": "front.desk", "email": "desk@lakeside.example", "role": "PRACTICE_USER",
			  "permissions": ["PROCESS_PURCHASES"], "status": "ACTIVE"}]
			""";

	@LocalServerPort
	int port;

	Browser browser;

	@BeforeEach
	void signedIn() {
		Gateway.reset();
		Gateway.signInSucceeds(600);
		Gateway.meIs("[]");
		Gateway.server().stubFor(get(urlEqualTo("/api/auth/users")).willReturn(okJson(MEMBERS)));
		this.browser = Browser.on(this.port);
		this.browser.signIn();
	}

	@Test
	void anAdministratorSeesTheTeamAndInvitesAUserWithChosenPermissions() {
		Gateway.server().stubFor(post(urlEqualTo("/api/auth/users")).willReturn(okJson("""
				{"userId": "new.nurse", "email": "nurse@lakeside.example", "role": "PRACTICE_USER",
				 "permissions": ["PROCESS_PURCHASES", "PROCESS_REFUNDS"], "status": "INVITED"}
				""").withStatus(201)));
		Page team = this.browser.get("/team");
		assertThat(team.heading()).isEqualTo("Team");
		assertThat(team.html().select("#members tbody tr").eachText()).containsExactly(
				"dr.ames ames@lakeside.example Administrator View reports; Manage the practice's users; Active Change access of dr.ames",
				"front.desk desk@lakeside.example User Process purchases; Active Change access of front.desk");
		Page sent = this.browser.form(team, "Send the invitation")
			.fill("User ID", "new.nurse")
			.fill("E-mail address", "nurse@lakeside.example")
			.choose("User")
			.check("Process purchases")
			.check("Process refunds")
			.press();
		Gateway.server().verify(postRequestedFor(urlEqualTo("/api/auth/users")).withRequestBody(equalToJson("""
				{"userId": "new.nurse", "email": "nurse@lakeside.example", "role": "PRACTICE_USER",
				 "permissions": ["PROCESS_PURCHASES", "PROCESS_REFUNDS"]}
				""")));
		assertThat(this.browser.follow(sent).text())
			.contains("An invitation to set a password is on its way to nurse@lakeside.example.");
	}

	@Test
	void anInvitedUserWhoHasNotChosenAPasswordIsSentANewInvitation() {
		invitedMember();
		Gateway.server()
			.stubFor(post(urlEqualTo("/api/auth/users/new.nurse/invitation"))
				.willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(202)));
		Page team = this.browser.get("/team");
		assertThat(team.html().select("#members button").eachText())
			.as("only the user who has not activated can be invited again")
			.containsExactly("Resend invitation to new.nurse");
		Page.Form resend = this.browser.form(team, "Resend invitation to new.nurse");
		assertThat(resend.fields()).containsKey("_csrf");
		Page sent = resend.press();
		assertThat(sent.location()).isEqualTo("/team");
		Gateway.server().verify(1, postRequestedFor(urlEqualTo("/api/auth/users/new.nurse/invitation")));
		assertThat(this.browser.follow(sent).html().select("[role=status]").text())
			.contains("A new invitation to set a password is on its way to nurse@lakeside.example.");
	}

	@Test
	void aUserWhoActivatedMeanwhileGetsTheApisRefusalAsASentence() {
		invitedMember();
		Gateway.server()
			.stubFor(post(urlEqualTo("/api/auth/users/new.nurse/invitation")).willReturn(
					Gateway.problem(409, "invitation-not-pending", "This user has already chosen a password.", "[]")));
		Page team = this.browser.get("/team");
		Page refused = this.browser.form(team, "Resend invitation to new.nurse").press();
		assertThat(this.browser.follow(refused).html().select(".notice-problem").text())
			.isEqualTo("This user has already chosen a password.");
	}

	@Test
	void aResendWithoutTheFormsTokenIsRefusedAndNothingIsSent() {
		invitedMember();
		Page team = this.browser.get("/team");
		Page forged = this.browser.form(team, "Resend invitation to new.nurse").withoutCsrfToken().press();
		assertThat(forged.status()).isEqualTo(403);
		Gateway.server().verify(0, postRequestedFor(urlEqualTo("/api/auth/users/new.nurse/invitation")));
	}

	@Test
	void anUnknownUserCannotBeInvitedAgain() {
		Page unknown = this.browser.post("/team/somebody/invitation", java.util.Map.of("_csrf", csrf()));
		assertThat(unknown.status()).isEqualTo(404);
		Gateway.server().verify(0, postRequestedFor(urlEqualTo("/api/auth/users/somebody/invitation")));
	}

	private void invitedMember() {
		Gateway.server().stubFor(get(urlEqualTo("/api/auth/users")).willReturn(okJson("""
				[{"userId": "dr.ames", "email": "ames@lakeside.example", "role": "PRACTICE_ADMIN",
				  "permissions": ["MANAGE_USERS"], "status": "ACTIVE"},
				 {"userId": "new.nurse", "email": "nurse@lakeside.example", "role": "PRACTICE_USER",
				  "permissions": ["PROCESS_PURCHASES"], "status": "INVITED"}]
				""")));
	}

	private String csrf() {
		return this.browser.get("/team").html().selectFirst("meta[name=_csrf]").attr("content");
	}

	@Test
	void aTakenUserIdIsASentenceOnTheForm() {
		Gateway.server()
			.stubFor(post(urlEqualTo("/api/auth/users")).willReturn(Gateway.problem(409, "user-id-unavailable",
					"That user ID can't be used; choose another one.", "[]")));
		Page team = this.browser.get("/team");
		Page refused = this.browser.form(team, "Send the invitation")
			.fill("User ID", "front.desk")
			.fill("E-mail address", "other@lakeside.example")
			.press();
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.html().select(".error-summary li").eachText())
			.containsExactly("That user ID can't be used; choose another one.");
	}

	@Test
	void anAdministratorChangesAUsersPermissionsAndDisablesThem() {
		Gateway.server().stubFor(patch(urlEqualTo("/api/auth/users/front.desk")).willReturn(okJson("""
				{"userId": "front.desk", "email": "desk@lakeside.example", "role": "PRACTICE_USER",
				 "permissions": ["VIEW_REPORTS"], "status": "SUSPENDED"}
				""")));
		Page member = this.browser.get("/team/front.desk");
		assertThat(member.heading()).isEqualTo("Change front.desk's access");
		assertThat(member.field("Process purchases").hasAttr("checked")).isTrue();
		assertThat(member.field("Can sign in").hasAttr("checked")).isTrue();
		java.util.Map<String, String> fields = new java.util.LinkedHashMap<>(
				this.browser.form(member, "Save the changes").fields());
		fields.put("role", "PRACTICE_USER");
		fields.put("permissions", "VIEW_REPORTS");
		fields.remove("enabled");
		Page saved = this.browser.post("/team/front.desk", fields);
		Gateway.server()
			.verify(patchRequestedFor(urlEqualTo("/api/auth/users/front.desk")).withRequestBody(equalToJson("""
					{"role": "PRACTICE_USER", "permissions": ["VIEW_REPORTS"], "enabled": false}
					""")));
		assertThat(this.browser.follow(saved).text()).contains("front.desk's access is changed.");
	}

	@Test
	void aUserWhoMayNotManageUsersGetsThe403PageAndNoTeamLink() {
		Gateway.mePermitted("PROCESS_PURCHASES");
		Page team = this.browser.get("/team");
		assertThat(team.status()).isEqualTo(403);
		assertThat(team.text()).contains("This needs the permission “Manage the practice's users”");
		assertThat(team.html().select("nav[aria-label=Main] a").eachText()).doesNotContain("Team");
	}

}
