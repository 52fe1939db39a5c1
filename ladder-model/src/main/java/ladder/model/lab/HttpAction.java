package ladder.model.lab;

import org.jspecify.annotations.Nullable;

/**
 * An HTTP request a check sends before or after it runs (e.g. inject faults into the sample service).
 *
 * @param method         HTTP method, upper case
 * @param url            URL template with placeholders such as {@code ${url:sample-service}}
 * @param body           request body (sent as JSON when it starts with '{'), or null for none
 * @param expectedStatus the status the action must get, else the check errs
 */
public record HttpAction(String method, String url, @Nullable String body, int expectedStatus) {}
