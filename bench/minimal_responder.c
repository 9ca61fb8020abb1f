/*
 * The baseline for bench/http.sh: a FastCGI responder that does no work, so that nginx, libfcgi and the unix
 * socket set the cost of a request. Every request gets "ok\n" with status 200.
 *
 * It uses libfcgi's reentrant API the same way the portal does (Sources/Web/FastCGIServer.swift): THREADS
 * pthreads, each looping over FCGX_Accept_r / FCGX_Finish_r on one shared listening socket.
 *
 * Usage: minimal_responder SOCKET_PATH THREADS
 * Build: gcc -O2 -o minimal_responder minimal_responder.c -lfcgi -lpthread
 * SIGTERM or SIGINT removes the socket and exits at once, without finishing requests in flight.
 */
#include <fcgiapp.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

/* Same backlog as the portal's FastCGIServer.Configuration default. */
#define LISTEN_BACKLOG 256
#define MAX_THREADS 256

static const char response[] =
    "Status: 200 OK\r\n"
    "Content-Type: text/plain; charset=utf-8\r\n"
    "Content-Length: 3\r\n"
    "\r\n"
    "ok\n";

static int listen_socket;

static void *serve(void *unused)
{
    (void)unused;
    FCGX_Request request;
    if (FCGX_InitRequest(&request, listen_socket, 0) != 0) {
        fprintf(stderr, "minimal_responder: FCGX_InitRequest failed\n");
        return NULL;
    }
    int accepted;
    while ((accepted = FCGX_Accept_r(&request)) >= 0) {
        /* The benchmark sends only GET requests, so there is no request body to read. */
        FCGX_PutStr(response, (int)(sizeof response - 1), request.out);
        FCGX_Finish_r(&request);
    }
    fprintf(stderr, "minimal_responder: FCGX_Accept_r failed with %d, this thread stops serving\n", accepted);
    return NULL;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: %s SOCKET_PATH THREADS\n", argv[0]);
        return 2;
    }
    const char *socket_path = argv[1];
    char *end;
    long threads = strtol(argv[2], &end, 10);
    if (*end != '\0' || threads < 1 || threads > MAX_THREADS) {
        fprintf(stderr, "minimal_responder: THREADS must be a whole number from 1 to %d, got \"%s\"\n",
                MAX_THREADS, argv[2]);
        return 2;
    }

    /* Ignoring SIGPIPE turns a write to a client that went away into an EPIPE error instead of ending the process. */
    signal(SIGPIPE, SIG_IGN);
    /* SIGTERM and SIGINT stay blocked in every thread and main() takes them with sigwait. A signal handler would
     * interrupt only one thread's accept() and leave the others blocked, so the process would not exit. */
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGTERM);
    sigaddset(&stop_signals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stop_signals, NULL);

    if (FCGX_Init() != 0) {
        fprintf(stderr, "minimal_responder: FCGX_Init failed\n");
        return 1;
    }
    /* A socket file left by a killed run would make bind fail. */
    unlink(socket_path);
    listen_socket = FCGX_OpenSocket(socket_path, LISTEN_BACKLOG);
    if (listen_socket < 0) {
        fprintf(stderr, "minimal_responder: FCGX_OpenSocket failed on %s with %d\n", socket_path, listen_socket);
        return 1;
    }
    /* nginx workers run as www-data when nginx starts as root, so the socket must be writable by others. */
    if (chmod(socket_path, 0666) != 0) {
        perror("minimal_responder: chmod of the socket failed");
        return 1;
    }

    pthread_t workers[MAX_THREADS];
    for (long i = 0; i < threads; i++) {
        int error = pthread_create(&workers[i], NULL, serve, NULL);
        if (error != 0) {
            fprintf(stderr, "minimal_responder: pthread_create failed with error %d\n", error);
            return 1;
        }
    }
    fprintf(stderr, "minimal_responder: listening on %s with %ld threads\n", socket_path, threads);

    int received;
    sigwait(&stop_signals, &received);
    fprintf(stderr, "minimal_responder: stop signal %d received, exiting\n", received);
    unlink(socket_path);
    return 0;
}
