-- scenario: quiz-leaderboard
-- method: GET
-- path: /api/v1/quizzes/{id}/leaderboard?top=50
-- setup: deploy/bench/setup/quiz-leaderboard.sh
-- Top-50 plus "my rank" on a contest with 200,000 participants (Redis sorted set, one Lua round trip).
-- Target: >= 35% of baseline.
wrk.method = "GET"
wrk.path = "/api/v1/quizzes/" .. os.getenv("QUIZ_LB_ID") .. "/leaderboard?top=50"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("QUIZ_LB_TOKEN")
