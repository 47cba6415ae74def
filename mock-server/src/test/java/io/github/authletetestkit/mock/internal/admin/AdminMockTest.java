package io.github.authletetestkit.mock.internal.admin;

import io.github.authletetestkit.mock.MockServerSettings;
import io.github.authletetestkit.mock.testing.AdminHttp;
import io.github.authletetestkit.mock.testing.StrictMockTest;
import org.junit.jupiter.api.BeforeAll;

/** A strict mock whose admin API needs {@link #TOKEN}, and a client of that API that checks every exchange. */
abstract class AdminMockTest extends StrictMockTest {

    static final String TOKEN = "admin-s3cret";

    protected AdminHttp admin;

    @Override
    protected MockServerSettings.Builder settings() {
        return super.settings().adminToken(TOKEN);
    }

    @BeforeAll
    void adminClient() {
        admin = new AdminHttp(mock.baseUrl(), TOKEN);
    }
}
