using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace SessionService;

/// <summary>The HTTP API: thin handlers over <see cref="UserSessionService"/> and <see cref="SessionCleanupJob"/>.</summary>
public static class SessionEndpoints
{
    /// <summary>Maps the session, user, stats and admin endpoints.</summary>
    public static IEndpointRouteBuilder MapSessionEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/sessions", LoginAsync);
        app.MapPost("/sessions/{id:guid}/logout", LogoutAsync);
        app.MapPost("/users/{id:guid}/revoke-all", (Guid id, UserSessionService sessions, CancellationToken ct) => sessions.RevokeAllUserSessionsAsync(id, ct));
        app.MapGet("/users/{id:guid}/sessions", (Guid id, UserSessionService sessions, CancellationToken ct) => sessions.GetActiveSessionsAsync(id, ct));
        app.MapGet("/users/{id:guid}/history", HistoryAsync);
        app.MapGet("/stats", (UserSessionService sessions, CancellationToken ct) => sessions.GetPlatformActiveSessionsAsync(ct));

        // What a deploy pipeline (or an operator) calls: after running a migration, and to run the cleanup now.
        var admin = app.MapGroup("/admin");
        admin.MapPost("/schema/refresh", (UserSessionService sessions, CancellationToken ct) => sessions.RefreshSchemaAsync(ct));
        admin.MapPost("/expire-stale", (UserSessionService sessions, CancellationToken ct) => sessions.AutoExpireStaleSessionsAsync(ct));
        admin.MapPost("/cleanup", (SessionCleanupJob job, CancellationToken ct) => job.RunOnceAsync(ct));
        return app;
    }

    private static async Task<Results<Created<LoginResponse>, BadRequest<ErrorResponse>>> LoginAsync(
        LoginRequest request, HttpContext http, UserSessionService sessions, CancellationToken ct)
    {
        if (request.UserId == Guid.Empty)
        {
            return TypedResults.BadRequest(new ErrorResponse("userId is required"));
        }

        var login = request with
        {
            Ip = request.Ip ?? http.Connection.RemoteIpAddress?.ToString(),
            UserAgent = request.UserAgent ?? NullIfEmpty(http.Request.Headers.UserAgent.ToString()),
        };
        var response = await sessions.CreateSessionAsync(login, ct).ConfigureAwait(false);
        return TypedResults.Created($"/sessions/{response.Session.Id}", response);
    }

    private static async Task<Results<Ok<LogoutResponse>, NotFound<ErrorResponse>>> LogoutAsync(Guid id, UserSessionService sessions, CancellationToken ct)
    {
        var response = await sessions.EndSessionAsync(id, ct).ConfigureAwait(false);
        return response is null
            ? TypedResults.NotFound(new ErrorResponse($"session {id} is not an active session"))
            : TypedResults.Ok(response);
    }

    private static async Task<Results<Ok<LoginHistory>, BadRequest<ErrorResponse>>> HistoryAsync(
        Guid id, int? page, int? size, UserSessionService sessions, CancellationToken ct)
    {
        var (p, s) = (page ?? 1, size ?? 20);
        if (p < 1 || p > UserSessionService.MaxPage || s < 1 || s > UserSessionService.MaxPageSize)
        {
            return TypedResults.BadRequest(new ErrorResponse(
                $"page must be between 1 and {UserSessionService.MaxPage}, size between 1 and {UserSessionService.MaxPageSize}"));
        }

        return TypedResults.Ok(await sessions.GetLoginHistoryAsync(id, p, s, ct).ConfigureAwait(false));
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
