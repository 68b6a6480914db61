package dev.newsfeed.follow;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Resolves a host and checks every address it resolves to against the {@link AddressPolicy}; the fetch then
 * connects to the address checked here, never to the name again, so a name that resolves differently a moment
 * later (DNS rebinding) cannot lead it elsewhere. Java resolves names by blocking, so lookups run on a worker.
 */
public class AddressGuard {

    /** The host may not be fetched from: its message says why. */
    public static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    private final Vertx vertx;
    private final AddressPolicy policy;

    public AddressGuard(Vertx vertx, AddressPolicy policy) {
        this.vertx = vertx;
        this.policy = policy;
    }

    /** The address to connect to; fails with {@link Refused}, or {@link UnknownHostException}. */
    public Uni<InetAddress> resolve(String host) {
        return lookup(host).map(addresses -> {
            for (InetAddress a : addresses) {
                String refusal = policy.refusal(a);
                if (refusal != null) {
                    // One refused address refuses the name: a resolver could hand out a mix, in any order.
                    throw new Refused(host.equals(a.getHostAddress()) ? refusal
                            : host + " resolves to " + refusal);
                }
            }
            return addresses[0];
        });
    }

    private Uni<InetAddress[]> lookup(String host) {
        if (isLiteral(host)) {
            // A literal is parsed, not looked up: no need for a worker.
            try {
                return Uni.createFrom().item(InetAddress.getAllByName(host));
            } catch (UnknownHostException e) {
                return Uni.createFrom().failure(e);
            }
        }
        return vertx.executeBlocking(() -> InetAddress.getAllByName(host), false);
    }

    static boolean isLiteral(String host) {
        return host.indexOf(':') >= 0 || host.chars().allMatch(c -> c == '.' || c >= '0' && c <= '9');
    }
}
