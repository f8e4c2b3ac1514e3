using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading.Tasks;
using Xunit;

namespace SessionService.Tests;

/// <summary>The service's endpoints, called over HTTP; each call asserts the status code and returns the body.</summary>
public sealed class SessionApi(HttpClient client)
{
    /// <summary><c>POST /sessions</c>: expects 201 Created with the new session's location.</summary>
    public async Task<LoginResponse> LoginAsync(Guid user, string? tenant = null, string? ip = "198.51.100.7", string? userAgent = "Tests/1.0")
    {
        using var response = await client.PostAsJsonAsync("/sessions", new LoginRequest(user, tenant, ip, userAgent), Json.Options);
        var body = await ReadAsync<LoginResponse>(response, HttpStatusCode.Created);
        Assert.Equal($"/sessions/{body.Session.Id}", response.Headers.Location?.OriginalString);
        return body;
    }

    /// <summary><c>POST /sessions/{id}/logout</c>: expects 200.</summary>
    public async Task<LogoutResponse> LogoutAsync(Guid session)
    {
        using var response = await client.PostAsync($"/sessions/{session}/logout", content: null);
        return await ReadAsync<LogoutResponse>(response, HttpStatusCode.OK);
    }

    /// <summary><c>POST /sessions/{id}/logout</c> of a session that is not active: expects 404.</summary>
    public async Task<ErrorResponse> LogoutNotFoundAsync(Guid session)
    {
        using var response = await client.PostAsync($"/sessions/{session}/logout", content: null);
        return await ReadAsync<ErrorResponse>(response, HttpStatusCode.NotFound);
    }

    /// <summary><c>POST /users/{id}/revoke-all</c>: expects 200.</summary>
    public async Task<RevokeResponse> RevokeAllAsync(Guid user)
    {
        using var response = await client.PostAsync($"/users/{user}/revoke-all", content: null);
        return await ReadAsync<RevokeResponse>(response, HttpStatusCode.OK);
    }

    /// <summary><c>GET /users/{id}/sessions</c>: expects 200.</summary>
    public async Task<IReadOnlyList<SessionView>> ActiveSessionsAsync(Guid user)
    {
        using var response = await client.GetAsync($"/users/{user}/sessions");
        return await ReadAsync<List<SessionView>>(response, HttpStatusCode.OK);
    }

    /// <summary><c>GET /stats</c>: expects 200.</summary>
    public async Task<PlatformStats> StatsAsync()
    {
        using var response = await client.GetAsync("/stats");
        return await ReadAsync<PlatformStats>(response, HttpStatusCode.OK);
    }

    /// <summary><c>GET /users/{id}/history?page=&amp;size=</c>: expects 200.</summary>
    public async Task<LoginHistory> HistoryAsync(Guid user, int page, int size)
    {
        using var response = await client.GetAsync($"/users/{user}/history?page={page}&size={size}");
        return await ReadAsync<LoginHistory>(response, HttpStatusCode.OK);
    }

    /// <summary><c>GET /users/{id}/history</c> with the query given as is.</summary>
    public Task<HttpResponseMessage> HistoryRawAsync(Guid user, string query) => client.GetAsync($"/users/{user}/history{query}");

    /// <summary><c>POST /admin/expire-stale</c>: expects 200.</summary>
    public async Task<ExpireResponse> ExpireStaleAsync()
    {
        using var response = await client.PostAsync("/admin/expire-stale", content: null);
        return await ReadAsync<ExpireResponse>(response, HttpStatusCode.OK);
    }

    /// <summary><c>POST /admin/cleanup</c>: expects 200.</summary>
    public async Task<CleanupReport> CleanupAsync()
    {
        using var response = await client.PostAsync("/admin/cleanup", content: null);
        return await ReadAsync<CleanupReport>(response, HttpStatusCode.OK);
    }

    /// <summary><c>POST /admin/schema/refresh</c>: expects 200.</summary>
    public async Task<SchemaView> RefreshSchemaAsync()
    {
        using var response = await client.PostAsync("/admin/schema/refresh", content: null);
        return await ReadAsync<SchemaView>(response, HttpStatusCode.OK);
    }

    /// <summary><c>GET /health</c>: expects <paramref name="status"/> (200 for Healthy and Degraded, 503 for Unhealthy).</summary>
    public async Task<HealthResponse> HealthAsync(HttpStatusCode status = HttpStatusCode.OK)
    {
        using var response = await client.GetAsync("/health");
        return await ReadAsync<HealthResponse>(response, status);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected} {expected}, got {(int)response.StatusCode} {response.StatusCode}: {text}");
        return System.Text.Json.JsonSerializer.Deserialize<T>(text, Json.Options)
            ?? throw new Xunit.Sdk.XunitException($"The body of a {(int)response.StatusCode} answer is empty.");
    }
}
