package io.bankflow.connection;

import static io.bankflow.testinfra.ServicePlatformContract.SHOW_READINESS_COMPONENTS;

import io.bankflow.testinfra.ServiceIntegrationTest;
import io.bankflow.testinfra.ServicePlatformContract;
import java.util.List;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/** The platform contract (health, metrics, security, problem documents, migrations) on this service. */
@ServiceIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = SHOW_READINESS_COMPONENTS)
class ConnectionApplicationIT extends ServicePlatformContract {

    @Override
    protected List<String> ownTables() {
        return List.of(
                "bank_connection",
                "bank_account",
                "bank_account_idempotency_key",
                "idempotency_key",
                "oauth_authorization",
                "connection_status_change",
                "consent_expiry_warning",
                "sync_schedule",
                "sync_quota_usage",
                "two_factor_challenge",
                "audit_entry");
    }
}
