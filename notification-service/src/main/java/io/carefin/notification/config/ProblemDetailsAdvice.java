package io.carefin.notification.config;

import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.carefin.starter.web.ServiceProblemAdvice;

/**
 * notification-service's one problem-details advice; its business exceptions map here.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ServiceProblemAdvice {

}
