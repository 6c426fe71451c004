package io.carefin.portal.maintenance;

import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import io.carefin.starter.maintenance.Maintenance;
import io.carefin.starter.maintenance.MaintenanceConfiguration;
import io.carefin.starter.maintenance.MaintenanceMode;

/**
 * Puts the maintenance under way, its message and end time, on every page as
 * {@code maintenance}, or {@code null} when there is none, for the layout's banner; pages
 * that no controller's model reaches (error pages) ask the bean itself
 * ({@code @maintenanceBanner.current()}).
 */
@ControllerAdvice(name = "maintenanceBanner")
@Import(MaintenanceConfiguration.class)
public class MaintenanceAdvice {

	private final MaintenanceMode mode;

	MaintenanceAdvice(MaintenanceMode mode) {
		this.mode = mode;
	}

	/**
	 * The maintenance under way, if any.
	 */
	@ModelAttribute("maintenance")
	public @Nullable Maintenance current() {
		return this.mode.current().orElse(null);
	}

}
