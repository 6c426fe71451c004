package io.carefin.notification.message;

import java.util.Locale;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders messages from the Thymeleaf templates in {@code notifications/}: for each
 * e-mail {@code <template>.txt} (its first line is the subject) and
 * {@code <template>.html}; for each text message {@code <template>.sms.txt}.
 */
@Component
public class Templates {

	private static final String FOLDER = "notifications/";

	private final TemplateEngine engine = new TemplateEngine();

	Templates() {
		this.engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 1));
		this.engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 2));
	}

	/**
	 * Renders a message for its channel.
	 */
	public Rendered render(Message message) {
		Context context = new Context(Locale.US, message.values());
		return switch (message.channel()) {
			case SMS -> new Rendered(null, this.engine.process(message.template() + ".sms.txt", context).strip(), null);
			case EMAIL -> {
				String text = this.engine.process(message.template() + ".txt", context).strip();
				int endOfSubject = text.indexOf('\n');
				String subject = (endOfSubject < 0) ? text : text.substring(0, endOfSubject).strip();
				String body = (endOfSubject < 0) ? "" : text.substring(endOfSubject + 1).strip();
				yield new Rendered(subject, body, this.engine.process(message.template() + ".html", context));
			}
		};
	}

	private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix(FOLDER);
		resolver.setTemplateMode(mode);
		resolver.setResolvablePatterns(Set.of(pattern));
		resolver.setCharacterEncoding("UTF-8");
		resolver.setCacheable(true);
		resolver.setOrder(order);
		resolver.setCheckExistence(true);
		return resolver;
	}

}
