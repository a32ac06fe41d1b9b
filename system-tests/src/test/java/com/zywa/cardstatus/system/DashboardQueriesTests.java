package com.zywa.cardstatus.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.zywa.cardstatus.contract.Json;
import org.junit.jupiter.api.Test;

class DashboardQueriesTests {

    @Test
    void findsTheMetricsOfAnExpressionButNotItsFunctionsLabelsOrNumbers() {
        assertThat(
                        DashboardQueries.metricNames(
                                "histogram_quantile(0.99, sum by (le, uri) (rate("
                                        + "http_server_requests_seconds_bucket{application=\"status-api\", uri!~\"/actuator.*\"}[$__rate_interval])))"
                                        + " / on (uri) group_left sum(up{job=~\"$job\"}) * 1e3 + time() - last_write_seconds offset 5m"))
                .containsExactlyInAnyOrder("http_server_requests_seconds_bucket", "up", "last_write_seconds");
    }

    @Test
    void findsTheExpressionsOfEveryPanelAndVariable() {
        assertThat(
                        DashboardQueries.metricNames(
                                Json.MAPPER.readTree(
                                        "{\"panels\":[{\"targets\":[{\"expr\":\"a_total\"},"
                                                + "{\"expr\":\"rate(b_total[5m])\"}]},{\"panels\":[{\"targets\":[{\"expr\":\"c\"}]}]}],"
                                                + "\"templating\":{\"list\":[{\"query\":\"label_values(d, pod)\",\"definition\":\"x\"}]}}")))
                .containsExactlyInAnyOrder("a_total", "b_total", "c");
    }
}
