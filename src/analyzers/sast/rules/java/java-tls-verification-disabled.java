package com.example.demo;

import java.security.cert.X509Certificate;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSession;
import javax.net.ssl.X509TrustManager;
import org.apache.http.conn.ssl.NoopHostnameVerifier;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;

public class InsecureClient {

    static class TrustAll implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        // ruleid: java-tls-verification-disabled
        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    static class AnyHost implements HostnameVerifier {
        // ruleid: java-tls-verification-disabled
        @Override
        public boolean verify(String host, SSLSession session) {
            return true;
        }
    }

    public CloseableHttpClient client() {
        // ruleid: java-tls-verification-disabled
        return HttpClients.custom().setSSLHostnameVerifier(NoopHostnameVerifier.INSTANCE).build();
    }

    public void lambda() {
        // ruleid: java-tls-verification-disabled
        HttpsURLConnection.setDefaultHostnameVerifier((h, s) -> true);
    }

    static class StrictHost implements HostnameVerifier {
        // ok: java-tls-verification-disabled
        @Override
        public boolean verify(String host, SSLSession session) {
            return "api.example.com".equals(host);
        }
    }
}
