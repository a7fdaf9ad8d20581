using System.Collections.Concurrent;
using System.IO.Compression;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Tongxin.Modules.Performance.Ledger;
using Microsoft.Extensions.Options;
using Tongxin.Platform;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Performance.MemberRecord;

public enum ReportJobState
{
    Queued,
    Running,
    Finished,
    Failed,
}

/// <summary>批量生成年度履职报告 – one run for a committee-year: who asked, how far it is, and the ZIP
/// when it is done. Kept in memory (a restart forgets runs; their files are cleaned up).</summary>
public sealed class AnnualReportJob
{
    private int done;

    public required Guid Id { get; init; }

    public required Guid CommitteeId { get; init; }

    public required string CommitteeName { get; init; }

    public required int Year { get; init; }

    public required string RequestedBy { get; init; }

    public required DateTime RequestedAt { get; init; }

    public required string FilePath { get; init; }

    /// <summary>"某市政协2026年度履职报告.zip".</summary>
    public string FileName => $"{CommitteeName}{Year}年度履职报告.zip";

    public int Total { get; internal set; }

    public int Done => Volatile.Read(ref done);

    public ReportJobState State { get; internal set; } = ReportJobState.Queued;

    public string? Error { get; internal set; }

    public DateTime? FinishedAt { get; internal set; }

    public int Percent => State == ReportJobState.Finished ? 100 : Total == 0 ? 0 : (int)(Done * 100L / Total);

    public bool IsOpen => State is ReportJobState.Queued or ReportJobState.Running;

    internal TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal void Advance() => Interlocked.Increment(ref done);
}

/// <summary>The runs and the queue the worker reads (a singleton). Finished files older than a day
/// are deleted when the next run is queued.</summary>
public sealed class AnnualReportJobs
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromDays(1);
    private readonly ConcurrentDictionary<Guid, AnnualReportJob> jobs = new();
    private readonly Channel<AnnualReportJob> queue = Channel.CreateUnbounded<AnnualReportJob>(new UnboundedChannelOptions { SingleReader = true });

    public AnnualReportJobs(IOptions<TongxinOptions> options, IWebHostEnvironment env)
    {
        Directory = Path.Combine(env.ContentRootPath, options.Value.DataDirectory, "performance-reports");
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    internal ChannelReader<AnnualReportJob> Reader => queue.Reader;

    public AnnualReportJob? Find(Guid id) => jobs.GetValueOrDefault(id);

    public IReadOnlyList<AnnualReportJob> OfCommittee(Guid committeeId) =>
        [.. jobs.Values.Where(j => j.CommitteeId == committeeId).OrderByDescending(j => j.RequestedAt)];

    /// <summary>Completes when the run has finished or failed (tests and the CLI wait on it).</summary>
    public Task WaitAsync(Guid id, CancellationToken ct = default) =>
        jobs.TryGetValue(id, out var job) ? job.Completion.Task.WaitAsync(ct) : Task.CompletedTask;

    /// <summary>Queues a run unless one for the same committee-year is still open (then that one).</summary>
    internal AnnualReportJob Enqueue(Guid committeeId, string committeeName, int year, string requestedBy, DateTime now)
    {
        lock (jobs)
        {
            if (jobs.Values.FirstOrDefault(j => j.CommitteeId == committeeId && j.Year == year && j.IsOpen) is { } open)
            {
                return open;
            }

            Forget(now);
            var id = Guid.NewGuid();
            var job = new AnnualReportJob
            {
                Id = id,
                CommitteeId = committeeId,
                CommitteeName = committeeName,
                Year = year,
                RequestedBy = requestedBy,
                RequestedAt = now,
                FilePath = Path.Combine(Directory, $"{id:N}.zip"),
            };
            jobs[id] = job;
            queue.Writer.TryWrite(job);
            return job;
        }
    }

    private void Forget(DateTime now)
    {
        foreach (var old in jobs.Values.Where(j => !j.IsOpen && j.FinishedAt < now - KeepFor).ToList())
        {
            jobs.TryRemove(old.Id, out _);
            File.Delete(old.FilePath);
        }
    }
}

/// <summary>Bulk annual reports of a committee-year: staff with 委员履职 of the committee start a
/// run; committee readers follow it and download the ZIP. The run streams one .docx at a time
/// into the ZIP file, so memory holds one member's year and one document at most.</summary>
public sealed class AnnualReportBatch(
    TongxinDbContext db,
    PerformanceAccess access,
    IActorAccessor actors,
    AnnualReportJobs jobs,
    AnnualReportHandler reports,
    DutyRecordQuery records,
    TimeProvider time)
{
    /// <summary>Queues the reports of the actor's committee for <paramref name="year"/>.</summary>
    public async Task<AnnualReportJob> StartAsync(int year, CancellationToken ct = default)
    {
        var committeeId = actors.Actor.CommitteeId ?? throw new ForbiddenException("只有具有委员履职管理权限的工作人员可以批量生成年度履职报告。");
        access.RequireStaffOf(committeeId);
        if (year is < 2000 or > 2100)
        {
            throw new ValidationFailedException("Year", "年度不正确。");
        }

        var committee = await db.Committees.AsNoTracking().Where(c => c.Id == committeeId).Select(c => c.Name).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("政协");
        var job = jobs.Enqueue(committeeId, committee, year, actors.Actor.UserName, time.GetUtcNow().UtcDateTime);
        db.Audit("批量生成年度履职报告", "DutyYearScore", $"{committeeId}/{year}", "已开始", $"{committee}{year}年度");
        await db.SaveChangesAsync(ct);
        return job;
    }

    /// <summary>The committee's runs the actor may follow.</summary>
    public IReadOnlyList<AnnualReportJob> Runs()
    {
        var committeeId = actors.Actor.CommitteeId ?? throw new ForbiddenException("只有本级政协委员履职工作人员和领导可以查看批量生成的履职报告。");
        access.RequireCommitteeReader(committeeId);
        return jobs.OfCommittee(committeeId);
    }

    public AnnualReportJob Get(Guid id)
    {
        var job = jobs.Find(id) ?? throw new NotFoundException("批量生成任务");
        access.RequireCommitteeReader(job.CommitteeId);
        return job;
    }

    /// <summary>The finished ZIP.</summary>
    public (Stream Content, string FileName) Open(Guid id)
    {
        var job = Get(id);
        if (job.State != ReportJobState.Finished || !File.Exists(job.FilePath))
        {
            throw new ConflictException("年度履职报告尚未生成完毕。");
        }

        return (new FileStream(job.FilePath, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.Asynchronous), job.FileName);
    }

    /// <summary>Runs a queued job (the worker calls it as the system).</summary>
    public async Task RunAsync(AnnualReportJob job, CancellationToken ct)
    {
        job.State = ReportJobState.Running;
        try
        {
            // Names, committee and sector of every member in one query; each report then reads its entries.
            var members = await records.Headers(m => m.CommitteeId == job.CommitteeId
                    && (m.IsActive || db.DutyYearScores.IgnoreQueryFilters().Any(s => s.MemberId == m.Id && s.Year == job.Year && s.CommitteeId == job.CommitteeId)))
                .ToListAsync(ct);
            job.Total = members.Count;
            var partial = job.FilePath + ".part";
            await using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024))
            using (var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
            {
                var names = new Dictionary<string, int>();
                foreach (var m in members)
                {
                    ct.ThrowIfCancellationRequested();
                    var name = AnnualReport.FileName(job.Year, m.Name, "docx");
                    names[name] = names.GetValueOrDefault(name) + 1;
                    if (names[name] > 1)
                    {
                        name = AnnualReport.FileName(job.Year, $"{m.Name}（{names[name]}）", "docx");
                    }

                    await using (var entry = zip.CreateEntry(name, CompressionLevel.Fastest).Open())
                    {
                        await reports.WriteDocxAsync(m, job.Year, entry, ct);
                    }

                    job.Advance();
                }
            }

            File.Move(partial, job.FilePath, overwrite: true);
            job.State = ReportJobState.Finished;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            job.State = ReportJobState.Failed;
            job.Error = ex is DomainException d ? d.Message : "生成失败，请稍后重试或联系管理员。";
            File.Delete(job.FilePath + ".part");
            throw;
        }
        finally
        {
            job.FinishedAt = time.GetUtcNow().UtcDateTime;
            if (job.State is ReportJobState.Finished or ReportJobState.Failed)
            {
                job.Completion.TrySetResult();
            }
        }
    }
}

/// <summary>Runs queued report jobs one after the other, each in its own scope as the system.</summary>
public sealed class AnnualReportWorker(AnnualReportJobs jobs, IServiceScopeFactory scopes, ILogger<AnnualReportWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var job in jobs.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<ActorAccessor>().Actor = Actor.System;
                await scope.ServiceProvider.GetRequiredService<AnnualReportBatch>().RunAsync(job, stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogError(ex, "Annual duty reports for {Committee} {Year} failed", job.CommitteeId, job.Year);
            }
        }
    }
}
