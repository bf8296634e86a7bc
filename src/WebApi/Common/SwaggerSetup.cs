using System.Reflection;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace MesaServicios.WebApi.Common;

internal static class SwaggerSetup
{
    public const string OAuthScheme = "oauth2";

    public static IServiceCollection AddMesaSwagger(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "Mesa de Servicios API",
                Version = "v1",
                Description = "Mesa de Servicios TIC — IES CINOC. Tickets, usuarios, notificaciones. " +
                    "Sign in with the Authorize button (institutional e-mail and password). " +
                    "Errors are RFC 9457 problem responses with a stable `code`; send `Accept-Language: en` for English.",
            });
            options.AddSecurityDefinition(OAuthScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.OAuth2,
                Description = "Correo institucional y contraseña (OAuth2 password flow against /api/v1/auth/token). Leave client_id empty.",
                Flows = new OpenApiOAuthFlows
                {
                    Password = new OpenApiOAuthFlow
                    {
                        TokenUrl = new Uri("/api/v1/auth/token", UriKind.Relative),
                        RefreshUrl = new Uri("/api/v1/auth/token", UriKind.Relative),
                        Scopes = new Dictionary<string, string>(),
                    },
                },
            });
            options.OperationFilter<AuthorizeOperationFilter>();
            options.OperationFilter<JsonBodyAlternativeOperationFilter>();
            var xml = Path.Combine(AppContext.BaseDirectory, $"{Assembly.GetExecutingAssembly().GetName().Name}.xml");
            if (File.Exists(xml))
            {
                options.IncludeXmlComments(xml);
            }

            options.SupportNonNullableReferenceTypes();
            // The published contract's conventions (docs/openapi.json): names, operation ids, required, examples.
            options.UseAllOfToExtendReferenceSchemas();
            options.CustomSchemaIds(OpenApi.SchemaNames.For);
            options.CustomOperationIds(OpenApi.OperationIds.For);
            options.DocInclusionPredicate((_, api) => OpenApi.ContractScope.Includes(api));
            options.SchemaFilter<OpenApi.RequestRequiredSchemaFilter>();
            options.DocumentFilter<OpenApi.ResponsesRequiredDocumentFilter>();
            options.OperationFilter<OpenApi.RequestExampleOperationFilter>();
        });
        return services;
    }

    public static WebApplication UseMesaSwagger(this WebApplication app)
    {
        app.UseSwagger();
        app.UseSwaggerUI(options =>
        {
            options.SwaggerEndpoint("/swagger/v1/swagger.json", "Mesa de Servicios v1");
            options.DocumentTitle = "Mesa de Servicios — API";
            options.EnablePersistAuthorization();
            options.DisplayRequestDuration();
        });
        return app;
    }

    /// <summary>Marks endpoints that need a signed-in user so Swagger UI sends the token, and documents 401/403.</summary>
    private sealed class AuthorizeOperationFilter : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
            var needsAuth = metadata.OfType<Microsoft.AspNetCore.Authorization.IAuthorizeData>().Any()
                && !metadata.OfType<Microsoft.AspNetCore.Authorization.IAllowAnonymous>().Any();
            if (!needsAuth)
            {
                return;
            }

            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(OAuthScheme, context.Document)] = [],
            });
            operation.Responses ??= new OpenApiResponses();
            operation.Responses.TryAdd("401", new OpenApiResponse { Description = "Not signed in, or the session ended (problem response)." });
            if (metadata.OfType<Microsoft.AspNetCore.Authorization.IAuthorizeData>().Any(a => !string.IsNullOrEmpty(a.Policy) && a.Policy != Policies.SignedIn))
            {
                operation.Responses.TryAdd("403", new OpenApiResponse { Description = "Signed in without the required role (problem response)." });
            }
        }
    }

    /// <summary>Adds the <c>application/json</c> body of an endpoint that also takes a multipart form (<see cref="JsonBodyAlternative"/>).</summary>
    private sealed class JsonBodyAlternativeOperationFilter : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            var alternative = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<JsonBodyAlternative>().FirstOrDefault();
            if (alternative is null)
            {
                return;
            }

            var body = operation.RequestBody as OpenApiRequestBody ?? new OpenApiRequestBody();
            body.Content ??= new Dictionary<string, IOpenApiMediaType>();
            body.Content["application/json"] = new OpenApiMediaType
            {
                Schema = context.SchemaGenerator.GenerateSchema(alternative.BodyType, context.SchemaRepository),
            };
            body.Required = true;
            operation.RequestBody = body;
        }
    }
}

/// <summary>Endpoint metadata: besides its multipart form, the endpoint takes this type as a JSON body (documented in Swagger).</summary>
internal sealed record JsonBodyAlternative(Type BodyType);
