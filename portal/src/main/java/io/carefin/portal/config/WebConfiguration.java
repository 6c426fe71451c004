package io.carefin.portal.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.carefin.portal.session.ApiSessionActivity;

/**
 * Spring MVC wiring: signed-in page requests count as activity for the API session.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	private final ApiSessionActivity apiSessionActivity;

	WebConfiguration(ApiSessionActivity apiSessionActivity) {
		this.apiSessionActivity = apiSessionActivity;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this.apiSessionActivity).excludePathPatterns("/error");
	}

}
