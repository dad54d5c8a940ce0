package org.postguard.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * Whether a request carries the server's access token: {@code Authorization: Bearer <token>} for
 * programs, or HTTP Basic with the token as password (any user name), which a browser asks for by
 * itself when it opens the dashboard of a collector that has a token. Compared in constant time.
 */
final class AccessToken {
    private AccessToken() {
    }

    static boolean presented(String authorization, String token) {
        if (authorization == null) {
            return false;
        }
        String header = authorization.strip();
        String given = null;
        if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            given = header.substring(7).strip();
        } else if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String pair = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
                int colon = pair.indexOf(':');
                given = colon < 0 ? null : pair.substring(colon + 1);
            } catch (IllegalArgumentException e) {
                given = null;
            }
        }
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }
}
