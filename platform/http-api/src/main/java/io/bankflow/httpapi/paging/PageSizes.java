package io.bankflow.httpapi.paging;

import io.bankflow.httpapi.InvalidParameterException;
import org.jspecify.annotations.Nullable;

/** The {@code limit} of every list of a Bankflow API: 1 to {@value #MAX}, {@value #DEFAULT} when not given. */
public final class PageSizes {

    public static final int DEFAULT = 50;
    public static final int MAX = 100;

    private PageSizes() {}

    /** @throws InvalidParameterException when out of range */
    public static int resolve(@Nullable Integer limit) {
        int size = limit == null ? DEFAULT : limit;
        if (size < 1 || size > MAX) {
            throw new InvalidParameterException("limit", "must be between 1 and " + MAX);
        }
        return size;
    }
}
