using Mediator;
using MesaServicios.Application.Common;
using MesaServicios.Application.Notifications.Contracts;
using MesaServicios.Application.Users.Emails;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MesaServicios.Application.Users.ForgotPassword;

/// <summary>
/// After the answer (a job, <c>users.password_resets</c>, asked for right after the request's commit and run every
/// minute as a safety net): turns the pending "forgot my password" requests, oldest first, into reset mails for the
/// addresses that have an active account, one short transaction per request (<see cref="IssuePasswordResetCommand"/>).
/// Returns how many requests were taken. Idempotent: a request is deleted in the transaction that queues its mail.
/// </summary>
public sealed record IssuePasswordResetsRequest(int BatchSize = IssuePasswordResetsRequest.DefaultBatchSize) : IRequest<int>
{
    public const int DefaultBatchSize = 200;
}

/// <summary>
/// Takes one pending request: deletes it and, when its address has an active account, issues the reset token and
/// queues the mail in the same transaction. Returns whether a mail was queued. Taken by another run meanwhile: nothing
/// is done twice (the second delete fails the transaction on its concurrency check, or finds the request gone).
/// </summary>
public sealed record IssuePasswordResetCommand(Guid RequestId) : ICommand<bool>;

internal sealed partial class IssuePasswordResetsRequestHandler(IUsersDbContext db, ISender sender, ILogger<IssuePasswordResetsRequestHandler> logger)
    : IRequestHandler<IssuePasswordResetsRequest, int>
{
    public async ValueTask<int> Handle(IssuePasswordResetsRequest request, CancellationToken cancellationToken)
    {
        var pending = await db.PasswordResetRequests.AsNoTracking()
            .OrderBy(r => r.RequestedAt)
            .Select(r => r.Id)
            .Take(Math.Max(1, request.BatchSize))
            .ToListAsync(cancellationToken);
        foreach (var id in pending)
        {
            try
            {
                await sender.Send(new IssuePasswordResetCommand(id), cancellationToken);
            }
            catch (ConcurrencyConflictException)
            {
                LogTakenElsewhere(logger, id);
            }
        }

        return pending.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Password reset request {RequestId} was taken by another run")]
    private static partial void LogTakenElsewhere(ILogger logger, Guid requestId);
}

internal sealed class IssuePasswordResetCommandHandler(
    IUsersDbContext db,
    ICredentialStore credentials,
    IEmailOutbox outbox,
    MailLinks links,
    IOptions<AuthOptions> auth) : ICommandHandler<IssuePasswordResetCommand, bool>
{
    public async ValueTask<bool> Handle(IssuePasswordResetCommand command, CancellationToken cancellationToken)
    {
        var request = await db.PasswordResetRequests.FirstOrDefaultAsync(r => r.Id == command.RequestId, cancellationToken);
        if (request is null)
        {
            return false;
        }

        db.PasswordResetRequests.Remove(request);
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Email == request.Email && u.IsActive, cancellationToken);
        if (user is null)
        {
            return false;
        }

        var token = await credentials.CreatePasswordResetTokenAsync(user.Id, cancellationToken);
        outbox.Enqueue(AccountEmails.PasswordReset(user.Id, user.Email, user.FullName, user.Language, links.SetPassword(user.Email, token), auth.Value.PasswordResetTokenMinutes));
        return true;
    }
}
