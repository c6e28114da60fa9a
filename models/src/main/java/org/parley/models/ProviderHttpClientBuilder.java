package org.parley.models;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import java.time.Duration;

/** Hands LangChain4j's chat models a {@link ProviderHttpClient} over the gateway's JDK client. */
final class ProviderHttpClientBuilder implements HttpClientBuilder {
    private final java.net.http.HttpClient http;
    private final Secrets secrets;
    private Duration connectTimeout;
    private Duration readTimeout;

    ProviderHttpClientBuilder(java.net.http.HttpClient http, Secrets secrets) {
        this.http = http;
        this.secrets = secrets;
    }

    @Override
    public Duration connectTimeout() {
        return connectTimeout;
    }

    @Override
    public HttpClientBuilder connectTimeout(Duration timeout) {
        this.connectTimeout = timeout;
        return this;
    }

    @Override
    public Duration readTimeout() {
        return readTimeout;
    }

    @Override
    public HttpClientBuilder readTimeout(Duration timeout) {
        this.readTimeout = timeout;
        return this;
    }

    @Override
    public HttpClient build() {
        return new ProviderHttpClient(http, readTimeout, secrets);
    }
}
