package org.beatwise.wiring;

import java.nio.file.Path;
import java.util.Map;
import org.beatwise.testing.TestPostgres;
import org.junit.jupiter.api.AfterEach;

/** The services on a real PostgreSQL server, a schema of their own per test. */
class PostgresServicesTest extends ServicesOnBothEnginesContract {

    private TestPostgres.Schema schema;

    @Override
    Services open(Path home) {
        schema = TestPostgres.schema();
        return new Services(new DataHome(home), new StationDatabase(schema.url(), "the test"), Map.of(), clock);
    }

    @AfterEach
    void dropSchema() {
        if (schema != null) {
            schema.close();
        }
    }
}
