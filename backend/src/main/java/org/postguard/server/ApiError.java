package org.postguard.server;

/**
 * A request the API refuses: an HTTP status, a short stable code and one human sentence.
 * The detail never repeats the submitted text.
 */
public final class ApiError extends RuntimeException {
    private final int status;
    private final String code;

    public ApiError(int status, String code, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
