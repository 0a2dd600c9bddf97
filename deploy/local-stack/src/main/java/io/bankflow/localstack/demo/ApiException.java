package io.bankflow.localstack.demo;

/** An API answered something the caller did not expect; the message names the request, status and problem. */
public final class ApiException extends RuntimeException {

    private final transient ApiResponse response;

    public ApiException(ApiResponse response) {
        super(response.describe());
        this.response = response;
    }

    public ApiResponse response() {
        return response;
    }
}
