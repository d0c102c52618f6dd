package io.trackline.domain.webhooks;

import io.trackline.domain.InvalidValueException;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * The one SSRF rule for webhook URLs (OWASP API7), applied at registration and again at every send, after DNS
 * resolution: only {@code https://} to {@link AddressKind#PUBLIC} addresses, every address a name resolves to. Where the
 * local cloud allows it ({@value #LOOPBACK_SETTING}{@code =true}), {@code http://127.0.0.1:<port>} too, so a developer
 * can receive on their machine; link-local (cloud metadata, {@code 169.254.169.254}) is refused everywhere.
 */
public final class DestinationPolicy {
    /** The setting only the local cloud sets (never template.yaml): {@code true} allows {@code http://127.0.0.1:<port>}. */
    public static final String LOOPBACK_SETTING = "WEBHOOK_ALLOW_LOOPBACK_HTTP";
    public static final int MAX_URL_LENGTH = 2048;
    /** The field every refusal names: the endpoint's {@code url}. */
    public static final String FIELD = "url";
    private static final String LOCAL_HOST = "127.0.0.1";

    private final boolean allowLoopbackHttp;
    private final HostResolver resolver;

    public DestinationPolicy(boolean allowLoopbackHttp, HostResolver resolver) {
        this.allowLoopbackHttp = allowLoopbackHttp;
        this.resolver = resolver;
    }

    /**
     * A URL as given by a client, checked and resolved.
     *
     * @throws InvalidValueException (field {@code url}) naming what is wrong
     */
    public URI check(String url) {
        URI uri = parse(url);
        addresses(uri);
        return uri;
    }

    /**
     * The addresses to connect to for a send, each one checked: the caller connects to these, not to a second answer.
     *
     * @throws InvalidValueException (field {@code url}) when the URL or any address it resolves to is not allowed, or it does not resolve
     */
    public List<InetAddress> addresses(URI uri) {
        String host = uri.getHost();
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw unsafe("the host " + host + " does not resolve");
        }
        if (addresses.isEmpty()) throw unsafe("the host " + host + " does not resolve");
        boolean http = uri.getScheme().equals("http");
        for (InetAddress address : addresses) {
            AddressKind kind = AddressKind.of(address);
            boolean localReceiver = allowLoopbackHttp && kind == AddressKind.LOOPBACK && host.equals(LOCAL_HOST);
            if (kind != AddressKind.PUBLIC && !localReceiver) {
                throw unsafe("the host " + host + " is a " + kind.name().toLowerCase(Locale.ROOT).replace('_', '-')
                        + " address; webhooks go to public addresses only");
            }
            if (http && !localReceiver) throw unsafe("the url must use https://");
        }
        return addresses;
    }

    private static InvalidValueException unsafe(String message) {
        return new InvalidValueException(FIELD, message);
    }

    private URI parse(String url) {
        if (url == null || url.isBlank()) throw unsafe("is required");
        if (url.length() > MAX_URL_LENGTH) throw unsafe("must be at most " + MAX_URL_LENGTH + " characters");
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw unsafe("is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme();
        if (!scheme.equals("https") && !(scheme.equals("http") && allowLoopbackHttp)) {
            throw unsafe("must use https://");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw unsafe("must be an absolute URL with a host, and no user info or fragment");
        }
        return uri;
    }
}
