package io.bankflow.cashflow.balances.domain;

import java.util.List;

/**
 * A forecast: which method, what it was computed from, and the points.
 *
 * @param method a stable name of the method, e.g. {@value TrailingMeanForecast#METHOD}
 * @param description the method in one sentence, for people
 */
public record Forecast(String method, String description, ForecastInputs inputs, List<ForecastPoint> points) {

    public Forecast {
        points = List.copyOf(points);
    }
}
