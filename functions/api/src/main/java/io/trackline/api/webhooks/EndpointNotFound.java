package io.trackline.api.webhooks;

/** No endpoint of this id for the caller's tenant: another tenant's endpoint is not there either. */
public final class EndpointNotFound extends RuntimeException {
    public EndpointNotFound() {
        super("no such webhook endpoint");
    }
}
