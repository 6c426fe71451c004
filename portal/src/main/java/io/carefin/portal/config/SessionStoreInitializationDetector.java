package io.carefin.portal.config;

import java.util.Set;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDependsOnDatabaseInitializationDetector;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitializationDetector;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Makes the session store wait for the Flyway migration that creates its tables: its
 * expired-session clean-up starts with the repository, and must not run on a database
 * that has no session tables yet.
 */
class SessionStoreInitializationDetector extends AbstractBeansOfTypeDependsOnDatabaseInitializationDetector
		implements DependsOnDatabaseInitializationDetector {

	@Override
	protected Set<Class<?>> getDependsOnDatabaseInitializationBeanTypes() {
		return Set.of(JdbcIndexedSessionRepository.class);
	}

}
