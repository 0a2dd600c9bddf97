package io.bankflow.tokenvault.vaultsim;

import io.bankflow.tokenvault.vaultsim.TransitKey.UserError;
import java.util.Base64;
import java.util.Map;

/** Reading request parameters the way Vault's framework does: numbers and booleans as JSON values or strings. */
final class Requests {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    private Requests() {}

    static int integer(Map<String, ?> body, String name) {
        Object value = body.get(name);
        if (value == null) {
            return 0;
        }
        if (value instanceof Number number) {
            return number.intValue();
        }
        try {
            return Integer.parseInt(value.toString().strip());
        } catch (NumberFormatException e) {
            throw new UserError("error converting input " + value + " for field \"" + name + "\": cannot parse '"
                    + value + "' as int");
        }
    }

    static boolean bool(Map<String, ?> body, String name) {
        Object value = body.get(name);
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean bool) {
            return bool;
        }
        return switch (value.toString().strip()) {
            case "true", "1", "t", "T", "TRUE", "True" -> true;
            case "false", "0", "f", "F", "FALSE", "False", "" -> false;
            default -> throw new UserError("error converting input " + value + " for field \"" + name + "\"");
        };
    }

    static String string(Map<String, ?> body, String name) {
        Object value = body.get(name);
        return value == null ? "" : value.toString();
    }

    /**
     * Standard base64, refused with the message of Go's {@code base64.StdEncoding.DecodeString} ({@code illegal base64
     * data at input byte N}).
     */
    static byte[] base64(String value) {
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            int at = 0;
            while (at < value.length() && ALPHABET.indexOf(value.charAt(at)) >= 0) {
                at++;
            }
            throw new UserError("illegal base64 data at input byte " + at);
        }
    }
}
