package io.carefin.auth.config;

import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.carefin.starter.web.ServiceProblemAdvice;

/**
 * auth-service's one problem-details advice; its business exceptions map here.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ServiceProblemAdvice {

}
