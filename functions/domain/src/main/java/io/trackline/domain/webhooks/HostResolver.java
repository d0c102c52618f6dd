package io.trackline.domain.webhooks;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Port: a host name's addresses (DNS). Tests answer what a rebinding attacker's DNS would. */
@FunctionalInterface
public interface HostResolver {
    /** The JVM's resolver, whose answer the JDK's HTTP client then connects to (README "Webhooks to API clients", SSRF). */
    HostResolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));

    List<InetAddress> resolve(String host) throws UnknownHostException;
}
