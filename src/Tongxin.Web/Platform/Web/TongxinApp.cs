using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Tongxin.Modules.Opinions;
using Tongxin.Modules.Organization;
using Tongxin.Modules.Proposals;
using Tongxin.Modules.Proposals.Drafting;
using Tongxin.Modules.Proposals.Handling;
using Tongxin.Modules.Proposals.Reporting;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Attachments;
using Tongxin.Platform.Audit;
using Tongxin.Platform.Calendar;
using Tongxin.Platform.Data;
using Tongxin.Platform.Events;
using Tongxin.Platform.Notifications;
using Tongxin.Platform.Seeding;
using Tongxin.Platform.Tenancy;

namespace Tongxin.Platform.Web;

/// <summary>Composition root: every service and the request pipeline, shared by the run command,
/// the command-line tools and the test host.</summary>
public static class TongxinApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null) =>
        Build(new WebApplicationOptions { Args = args }, configure);

    /// <summary>The <paramref name="configure"/> callback runs before the services are added: the
    /// test host adds its configuration and its own <see cref="TimeProvider"/> there (services a
    /// test replaces are added with TryAdd).</summary>
    public static WebApplication Build(WebApplicationOptions options, Action<WebApplicationBuilder>? configure = null)
    {
        // The application name decides where MVC discovers pages; a test host's entry assembly is not ours.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = options.Args,
            ContentRootPath = options.ContentRootPath,
            EnvironmentName = options.EnvironmentName,
            WebRootPath = options.WebRootPath,
            ApplicationName = options.ApplicationName ?? typeof(TongxinApp).Assembly.GetName().Name,
        });
        configure?.Invoke(builder);
        AddServices(builder.Services, builder.Configuration, builder.Environment);
        var app = builder.Build();
        UsePipeline(app);
        return app;
    }

    public static void AddServices(IServiceCollection services, IConfiguration configuration, IWebHostEnvironment env)
    {
        var options = configuration.GetSection(TongxinOptions.Section).Get<TongxinOptions>() ?? new TongxinOptions();
        services.Configure<TongxinOptions>(configuration.GetSection(TongxinOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.AddMemoryCache();
        services.AddScoped<ActorAccessor>();
        services.AddScoped<IActorAccessor>(sp => sp.GetRequiredService<ActorAccessor>());
        services.AddSingleton<CommitteeTree>();

        AddDatabase(services, options, env);
        services.AddDataProtection()
            .SetApplicationName("Tongxin")
            .PersistKeysToDbContext<TongxinDbContext>();
        AddIdentity(services, options);

        services.AddRazorPages(o =>
            {
                o.Conventions.AuthorizeFolder("/");
                o.Conventions.AllowAnonymousToFolder("/Account");
                o.Conventions.AllowAnonymousToFolder("/Error");
                o.Conventions.ConfigureFilter(new DomainExceptionPageFilter());
            })
            .AddMvcOptions(FormConventions.Apply);
        // Chinese text stays readable in the HTML instead of &#x…; escapes.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddAntiforgery();
        services.AddProblemDetails();
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddOpenApi("v1");
        services.AddHealthChecks().AddDbContextCheck<TongxinDbContext>("database");

        services.AddScoped<DemoSeeder>();
        services.AddOrganization();
        services.AddEvents(configuration);
        services.AddNotifications();
        services.AddAttachments();
        services.AddAccounts();
        services.AddAudit();
        services.AddCalendar();
        services.AddOrganizationAdmin();
        services.AddProposals();
        services.AddOpinions();
        Tongxin.Modules.Consultation.ConsultationModule.AddConsultation(services);
        Tongxin.Modules.Consultation.Plan.PlanModule.AddConsultationPlan(services);
        Tongxin.Modules.Consultation.Preparation.PreparationModule.AddConsultationPreparation(services);
        Tongxin.Modules.Consultation.Results.ResultsModule.AddConsultationResults(services);
        Tongxin.Modules.Consultation.Online.OnlineModule.AddConsultationOnline(services);
        Tongxin.Modules.Consultation.Activities.ActivitiesModule.AddConsultationActivities(services);
        Tongxin.Modules.Supervision.SupervisionModule.AddSupervision(services);
        Tongxin.Modules.Supervision.Problems.ProblemsModule.AddSupervisionProblems(services);
        Tongxin.Modules.Supervision.Topics.TopicsModule.AddSupervisionTopicsAndGroups(services);
        Tongxin.Modules.Supervision.Letters.LettersModule.AddSupervisionLettersAndFigures(services);
        Tongxin.Modules.Evaluation.EvaluationModule.AddEvaluation(services);
        Tongxin.Modules.Performance.PerformanceModule.AddPerformance(services);
        Tongxin.Modules.Performance.Staff.StaffModule.AddPerformanceStaff(services);
        Tongxin.Modules.Performance.MemberRecord.MemberRecordModule.AddPerformanceMember(services);
        Tongxin.Modules.Performance.Liaison.LiaisonModule.AddPerformanceLiaison(services);
        Tongxin.Modules.Opinions.Bulletins.BulletinsModule.AddOpinionBulletins(services);
        Tongxin.Modules.Opinions.Transfer.TransferModule.AddOpinionTransfer(services);
        Tongxin.Modules.PublicChannels.PublicChannelsModule.AddPublicChannels(services, configuration);
        Tongxin.Modules.Opinions.Reports.ReportsModule.AddOpinionReports(services);
        Tongxin.Modules.Proposals.Documents.DocumentsModule.AddProposalDocuments(services);
        services.AddProposalDrafting();
        services.AddProposalHandling();
        Tongxin.Modules.Proposals.Search.SearchModule.AddProposalSearch(services, configuration);
        services.AddProposalReporting();
        Tongxin.Modules.Opinions.Outcomes.OutcomesModule.AddOpinionOutcomes(services);
        Tongxin.Modules.Opinions.Screening.ScreeningModule.AddOpinionScreening(services, configuration);
        Tongxin.Modules.PublicChannels.Studios.StudiosModule.AddStudios(services);
        Tongxin.Modules.PublicChannels.Topics.TopicsModule.AddTopics(services);
    }

    private static void AddDatabase(IServiceCollection services, TongxinOptions options, IWebHostEnvironment env)
    {
        if (options.Database.IsPostgres)
        {
            if (string.IsNullOrWhiteSpace(options.Database.ConnectionString))
            {
                throw new InvalidOperationException("使用 PostgreSQL 时必须配置 Tongxin__Database__ConnectionString。");
            }

            // The options are built once (the default is once per scope: every request and job paid
            // for building the provider's option set again).
            services.AddDbContext<PostgresTongxinDbContext>(o => o.UseNpgsql(options.Database.ConnectionString), optionsLifetime: ServiceLifetime.Singleton);
            services.AddScoped<TongxinDbContext>(sp => sp.GetRequiredService<PostgresTongxinDbContext>());
        }
        else
        {
            var connection = options.Database.ConnectionString;
            if (string.IsNullOrWhiteSpace(connection))
            {
                var dir = Path.Combine(env.ContentRootPath, options.DataDirectory);
                Directory.CreateDirectory(dir);
                connection = $"Data Source={Path.Combine(dir, "tongxin.db")}";
            }

            services.AddDbContext<SqliteTongxinDbContext>(o => o.UseSqlite(connection), optionsLifetime: ServiceLifetime.Singleton);
            services.AddScoped<TongxinDbContext>(sp => sp.GetRequiredService<SqliteTongxinDbContext>());
        }
    }

    private static void AddIdentity(IServiceCollection services, TongxinOptions options)
    {
        var security = options.Security;
        services.AddIdentity<AppUser, AppRole>(o =>
            {
                o.Password.RequiredLength = 8;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = security.MaxFailedLogins;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(security.LockoutMinutes);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
                // "Confirmed" means "not disabled" here (EnabledAccountConfirmation).
                o.SignIn.RequireConfirmedAccount = true;
                o.Tokens.AuthenticatorTokenProvider = TotpAuthenticatorProvider.Name;
            })
            .AddEntityFrameworkStores<TongxinDbContext>()
            .AddUserManager<TongxinUserManager>()
            .AddUserConfirmation<EnabledAccountConfirmation>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<TotpAuthenticatorProvider>(TotpAuthenticatorProvider.Name)
            .AddClaimsPrincipalFactory<TongxinClaimsFactory>()
            .AddErrorDescriber<ChineseIdentityErrors>()
            .AddPasswordValidator<PasswordPolicyValidator>();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Error/403";
            o.ExpireTimeSpan = TimeSpan.FromMinutes(security.IdleTimeoutMinutes);
            o.SlidingExpiration = true;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Events.OnRedirectToLogin = ctx => ApiAware(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAware(ctx, StatusCodes.Status403Forbidden);
            // A request carrying a bearer token is authenticated by the token handler already in
            // UseAuthentication, so the actor, the account gate and the handlers see the API
            // client, not an anonymous request.
            o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? IdentityConstants.BearerScheme
                    : null;
        });
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddAuthentication().AddBearerToken(IdentityConstants.BearerScheme, o =>
            o.BearerTokenExpiration = TimeSpan.FromMinutes(security.IdleTimeoutMinutes));
        services.AddAuthorization();
    }

    private static Task ApiAware(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
        }
        else
        {
            ctx.Response.Redirect(ctx.RedirectUri);
        }

        return Task.CompletedTask;
    }

    public static void UsePipeline(WebApplication app)
    {
        app.UseExceptionHandler("/Error/500");
        // Pages get the Chinese error page for an empty 4xx/5xx; the API keeps its problem+json.
        app.UseStatusCodePagesWithReExecute("/Error/{0}");
        app.Use((http, next) =>
        {
            if (http.Request.Path.StartsWithSegments("/api")
                && http.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } pages)
            {
                pages.Enabled = false;
            }

            return next(http);
        });
        app.UseStaticFiles();
        var zh = new CultureInfo("zh-CN");
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(zh),
            SupportedCultures = [zh],
            SupportedUICultures = [zh],
        });
        app.UseRouting();
        app.UseAuthentication();
        app.UseMiddleware<ActorMiddleware>();
        app.UseAccountGate();
        app.UseAuthorization();
        app.UseAntiforgery();
        Tongxin.Modules.PublicChannels.PublicChannelsModule.Use(app);

        app.MapRazorPages();
        Tongxin.Modules.Consultation.Online.OnlineModule.Map(app);
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapHealthChecks("/healthz", new() { Predicate = _ => false });
        app.MapHealthChecks("/readyz");

        var api = app.MapGroup("/api/v1").WithTags("Tongxin");
        AccountApi.Map(api);
        AdminApi.Map(api);
        InboxApi.Map(api);
        AttachmentsApi.Map(api);
        Tongxin.Modules.Organization.Members.MembersApi.Map(api);
        AuditModule.Map(api);
        CalendarModule.Map(api);
        OrganizationAdminApi.Map(api);
        Tongxin.Modules.Proposals.Review.ProposalReviewApi.Map(api);
        Tongxin.Modules.Proposals.Documents.DocumentsModule.Map(api);
        DraftingModule.Map(api);
        HandlingModule.Map(api);
        Tongxin.Modules.Proposals.Search.SearchModule.Map(api);
        Tongxin.Modules.Proposals.Reporting.ReportingModule.Map(api);
        Tongxin.Modules.Opinions.Outcomes.OutcomesModule.Map(api);
        Tongxin.Modules.Opinions.Reports.ReportsModule.Map(api);
        Tongxin.Modules.Supervision.Problems.ProblemsModule.Map(api);
        Tongxin.Modules.Performance.Staff.StaffModule.Map(api);
        Tongxin.Modules.Performance.Ledger.DutyRecordApi.Map(api);
    }

    /// <summary>Migrates the database, and in demo mode seeds the demo data the first time.
    /// Outside demo mode, refuses to start while a demo account keeps its published password.</summary>
    public static async Task InitializeAsync(IServiceProvider services, CancellationToken ct = default)
    {
        using var scope = services.CreateScope();
        scope.ServiceProvider.GetRequiredService<ActorAccessor>().Actor = Actor.System;
        var db = scope.ServiceProvider.GetRequiredService<TongxinDbContext>();
        await db.Database.MigrateAsync(ct);
        await HolidayTable.SeedIfEmptyAsync(db, ct);
        var options = scope.ServiceProvider.GetRequiredService<IOptions<TongxinOptions>>().Value;
        if (options.DemoMode)
        {
            if (!await db.Committees.AnyAsync(ct))
            {
                await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(SeedScale.Demo, ct);
            }
        }
        else
        {
            await DemoAccounts.EnsureNoDemoPasswordAsync(scope.ServiceProvider, ct);
        }
    }
}
