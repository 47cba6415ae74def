package com.example.app;

import com.authlete.common.api.AuthleteApi;
import com.authlete.common.api.AuthleteApiImplV3;
import com.authlete.common.conf.AuthleteSimpleConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** An authorization server whose OAuth logic is Authlete's; where Authlete is comes from the properties. */
@SpringBootApplication
public class Application {

    public static void main(String[] args) {
        SpringApplication.run(Application.class, args);
    }

    @Bean
    AuthleteApi authleteApi(@Value("${authlete.base-url}") String baseUrl,
                            @Value("${authlete.service.api-key}") String apiKey,
                            @Value("${authlete.service.access-token}") String accessToken) {
        return new AuthleteApiImplV3(new AuthleteSimpleConfiguration()
                .setApiVersion("V3")
                .setBaseUrl(baseUrl)
                .setServiceApiKey(apiKey)
                .setServiceAccessToken(accessToken));
    }
}
