package io.carefin.portal.team;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.carefin.portal.api.ApiProblemException;
import io.carefin.portal.api.TeamApi;
import io.carefin.portal.config.FormErrors;
import io.carefin.portal.session.SignedInUser;
import io.carefin.portal.workspace.Permission;
import io.carefin.portal.workspace.Refusals;

/**
 * The team page for practice administrators: the practice's users, inviting one (and
 * inviting again one who has not chosen a password yet), and changing a user's role,
 * permissions and access.
 */
@Controller
class TeamController {

	private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9._@-]{3,64}");

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private static final List<String> ROLES = List.of("PRACTICE_USER", "PRACTICE_ADMIN");

	private final TeamApi team;

	TeamController(TeamApi team) {
		this.team = team;
	}

	@GetMapping("/team")
	String team(@AuthenticationPrincipal SignedInUser user, Model model) {
		requireAdmin(user);
		return page(new Invite(null, null, "PRACTICE_USER", Set.of()), model);
	}

	@PostMapping("/team")
	String invite(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) @Nullable String userId,
			@RequestParam(required = false) @Nullable String email,
			@RequestParam(required = false) @Nullable String role,
			@RequestParam(required = false) @Nullable List<String> permissions, HttpServletResponse response,
			Model model, RedirectAttributes redirect) {
		requireAdmin(user);
		Invite invite = new Invite(userId, email, role, granted(permissions));
		FormErrors errors = FormErrors.none();
		if (userId == null || !USER_ID.matcher(userId.strip()).matches()) {
			errors = errors.and("userId",
					"Choose a User ID of 3 to 64 letters, digits, dots, dashes, underscores or @.");
		}
		if (email == null || !EMAIL.matcher(email.strip()).matches()) {
			errors = errors.and("email", "Enter the new user's e-mail address, like name@example.com.");
		}
		if (!ROLES.contains(role)) {
			errors = errors.and("role-user", "Choose the new user's role.");
		}
		if (!errors.any()) {
			try {
				this.team.invite(new TeamApi.Invitation(userId.strip(), email.strip(), role, invite.permissions()));
				redirect.addFlashAttribute("outcome", "An invitation to set a password is on its way to "
						+ email.strip() + ". " + userId.strip() + " can sign in once they have chosen one.");
				return "redirect:/team";
			}
			catch (ApiProblemException ex) {
				if (!Refusals.isAboutTheForm(ex)) {
					throw ex;
				}
				errors = errors.and("userId", Refusals.sentence(ex, "CareFin could not invite this user."));
			}
		}
		model.addAttribute("errors", errors);
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return page(invite, model);
	}

	@GetMapping("/team/{userId}")
	String member(@AuthenticationPrincipal SignedInUser user, @PathVariable String userId, Model model) {
		requireAdmin(user);
		model.addAttribute("member", member(userId));
		model.addAttribute("permissions", Permission.values());
		return "team/member";
	}

	@PostMapping("/team/{userId}")
	String change(@AuthenticationPrincipal SignedInUser user, @PathVariable String userId,
			@RequestParam(required = false) @Nullable String role,
			@RequestParam(required = false) @Nullable List<String> permissions,
			@RequestParam(required = false) @Nullable String enabled, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		requireAdmin(user);
		TeamApi.Member member = member(userId);
		String problem = null;
		if (!ROLES.contains(role)) {
			problem = "Choose the user's role.";
		}
		else {
			try {
				this.team.change(userId, new TeamApi.Access(role, granted(permissions), "yes".equals(enabled)));
				redirect.addFlashAttribute("outcome", userId + "'s access is changed.");
				return "redirect:/team";
			}
			catch (ApiProblemException ex) {
				if (!Refusals.isAboutTheForm(ex)) {
					throw ex;
				}
				problem = Refusals.sentence(ex, "CareFin could not change this user's access.");
			}
		}
		model.addAttribute("problem", problem);
		model.addAttribute("member", member);
		model.addAttribute("permissions", Permission.values());
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return "team/member";
	}

	/**
	 * Sends a user who has not chosen a password yet a new invitation; the API's refusal
	 * (they already have) comes back as a sentence.
	 */
	@PostMapping("/team/{userId}/invitation")
	String resendInvitation(@AuthenticationPrincipal SignedInUser user, @PathVariable String userId,
			RedirectAttributes redirect) {
		requireAdmin(user);
		TeamApi.Member member = member(userId);
		try {
			this.team.resendInvitation(userId);
			redirect.addFlashAttribute("outcome", "A new invitation to set a password is on its way to "
					+ member.email() + ". The link of the earlier one no longer works.");
		}
		catch (ApiProblemException ex) {
			if (ex.status() == 404) {
				throw Refusals.notFoundOr(ex, "user");
			}
			if (!Refusals.isAboutTheForm(ex)) {
				throw ex;
			}
			redirect.addFlashAttribute("problem", Refusals.sentence(ex,
					userId + " has already chosen a password, so there is no invitation to send again."));
		}
		return "redirect:/team";
	}

	private TeamApi.Member member(String userId) {
		return this.team.members()
			.stream()
			.filter((member) -> member.userId().equals(userId))
			.findFirst()
			.orElseThrow(() -> new io.carefin.portal.workspace.NotFoundException("user"));
	}

	private String page(Invite invite, Model model) {
		model.addAttribute("members", this.team.members());
		model.addAttribute("invite", invite);
		model.addAttribute("permissions", Permission.values());
		return "team/team";
	}

	private static Set<String> granted(@Nullable List<String> permissions) {
		Set<String> known = new LinkedHashSet<>();
		if (permissions != null) {
			Arrays.stream(Permission.values()).map(Permission::name).filter(permissions::contains).forEach(known::add);
		}
		return known;
	}

	private static void requireAdmin(SignedInUser user) {
		Permission.MANAGE_USERS.require(user);
		if (!user.roles().contains("PRACTICE_ADMIN")) {
			throw new io.carefin.portal.workspace.MissingPermissionException(Permission.MANAGE_USERS);
		}
	}

	/**
	 * The invitation form as it was filled in.
	 *
	 * @param userId the User ID
	 * @param email the e-mail address
	 * @param role the role
	 * @param permissions the permissions ticked
	 */
	record Invite(@Nullable String userId, @Nullable String email, @Nullable String role, Set<String> permissions) {

	}

}
