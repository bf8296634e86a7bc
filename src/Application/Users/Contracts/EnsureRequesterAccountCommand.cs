using Mediator;

namespace MesaServicios.Application.Users.Contracts;

/// <summary>
/// The account of an e-mail address, created as a requester without a password when the address is new and
/// belongs to an institutional domain ("forgot password" lets the person set one). Returns the user's id.
/// Fails with <c>users.email_domain_not_allowed</c> for other domains.
/// </summary>
public sealed record EnsureRequesterAccountCommand(string Email, string FullName, string? Department, string? Phone) : ICommand<Guid>;
