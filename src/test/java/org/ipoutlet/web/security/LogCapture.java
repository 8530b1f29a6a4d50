package org.ipoutlet.web.security;

import java.util.List;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/** The log lines of one logger while a test runs. */
final class LogCapture implements AutoCloseable {

	private final Logger logger;
	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	LogCapture(Class<?> source) {
		logger = (Logger) LoggerFactory.getLogger(source);
		appender.start();
		logger.addAppender(appender);
	}

	List<String> messages() {
		synchronized (appender) {
			return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
		}
	}

	@Override
	public void close() {
		logger.detachAppender(appender);
		appender.stop();
	}

}
