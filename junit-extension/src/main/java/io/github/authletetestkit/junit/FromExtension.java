package io.github.authletetestkit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the {@code @RegisterExtension} field whose mock an {@link AuthleteMock} parameter or field receives,
 * when a class registers more than one {@link AuthleteMockExtension}:
 *
 * <pre>{@code
 * @RegisterExtension static AuthleteMockExtension bank = AuthleteMockExtension.builder().serviceId(1001).build();
 * @RegisterExtension static AuthleteMockExtension shop = AuthleteMockExtension.builder().serviceId(2002).build();
 *
 * @Test
 * void paysTheShop(@FromExtension("bank") AuthleteMock bankMock, @FromExtension("shop") AuthleteMock shopMock) { ... }
 * }</pre>
 *
 * With a single extension it is not needed; {@code bank.mock()} works either way.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD})
public @interface FromExtension {

    /** The name of the field that holds the extension. */
    String value();
}
