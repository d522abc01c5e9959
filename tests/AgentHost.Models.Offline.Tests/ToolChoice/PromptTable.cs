namespace AgentHost.Models.Offline.Tests.ToolChoice;

/// <summary>Prompts a contact-centre agent or customer might type, with the tool and arguments expected.</summary>
public static class PromptTable
{
    public static TheoryData<string, string, string> Rows { get; } = new()
    {
        { "What is the portfolio of investor LP-001?", "portfolio___get_portfolio", "investorId=LP-001" },
        { "Show me the holdings of LP-002", "portfolio___get_positions", "investorId=LP-002" },
        { "Which bonds does LP-004 hold?", "portfolio___get_positions", "investorId=LP-004;assetClass=fixed_income" },
        { "What is the total value of LP-009's investments?", "portfolio___get_portfolio", "investorId=LP-009" },
        { "Who is investor LP-003?", "crm___get_investor_profile", "investorId=LP-003" },
        { "Look up the customer profile for lp-005", "crm___get_investor_profile", "investorId=LP-005" },
        { "Find the investor called Charlotte Beaumont", "crm___find_investor", "name=Charlotte Beaumont" },
        { "Verify the identity of LP-001: born 14 March 1968, postcode SW1A 1AA", "crm___verify_identity", "investorId=LP-001;dateOfBirth=1968-03-14;postcode=SW1A 1AA" },
        { "Please update the email of LP-006 to james.new@example.com", "crm___update_contact_details", "investorId=LP-006;email=james.new@example.com" },
        { "Change the phone number for LP-007 to +44 7700 900123", "crm___update_contact_details", "investorId=LP-007;phone=+44 7700 900123" },
        { "Show the trade blotter for LP-002", "trading___get_trade_blotter", "investorId=LP-002" },
        { "List pending trades for LP-003", "trading___get_trade_blotter", "investorId=LP-003;status=pending" },
        { "What's the status of trade T-10004?", "trading___get_trade_status", "tradeId=T-10004" },
        { "Has order T-10010 settled yet?", "trading___get_trade_status", "tradeId=T-10010" },
        { "What is the price of VWRL?", "market___get_quote", "symbol=VWRL" },
        { "What documents do we hold for LP-008?", "documents___list_documents", "investorId=LP-008" },
        { "Please send a copy of the tax certificate to LP-002 by post", "documents___request_document", "investorId=LP-002;documentType=tax_certificate;deliveryMethod=post" },
        { "I need my latest statement emailed, I'm LP-001", "documents___request_document", "investorId=LP-001;documentType=statement;deliveryMethod=email" },
        { "Send an SMS to LP-004 saying your statement is ready", "notifications___send_notification", "investorId=LP-004;channel=sms;message=your statement is ready" },
        { "Email LP-003 the message \"Your case has been updated\"", "notifications___send_notification", "investorId=LP-003;channel=email;message=Your case has been updated" },
        { "What notifications have been sent to LP-004?", "notifications___list_notifications", "investorId=LP-004" },
        { "Run a KYC check on LP-010", "compliance___run_kyc_check", "investorId=LP-010" },
        { "Is LP-002 allowed to trade HSBA?", "compliance___check_trade_restrictions", "investorId=LP-002;symbol=HSBA" },
        { "Create a case for LP-003 about a missing dividend payment", "cases___create_case", "investorId=LP-003;subject=a missing dividend payment;category=payments" },
        { "Open an urgent complaint ticket for LP-009: adviser never called back", "cases___create_case", "investorId=LP-009;subject=adviser never called back;category=complaint;priority=urgent" },
        { "What's happening with case C-1042?", "cases___get_case", "caseId=C-1042" },
        { "Add a note to case C-1041 saying the client called again", "cases___add_case_note", "caseId=C-1041;note=the client called again" },
        { "I want to speak to a human", "escalation___escalate_to_human", "reason=I want to speak to a human" },
        { "Transfer LP-001 to a supervisor urgently because they are upset", "escalation___escalate_to_human", "investorId=LP-001;reason=they are upset;priority=urgent" },
        { "What is the cash balance for LP-011?", "accounts___get_account_balance", "investorId=LP-011" },
        { "Show transactions for LP-012 from 2026-01-01 to 2026-06-30", "accounts___list_transactions", "investorId=LP-012;fromDate=2026-01-01;toDate=2026-06-30" },
        { "List the dividends and fees on LP-006's account since 1 March 2026", "accounts___list_transactions", "investorId=LP-006;fromDate=2026-03-01" },
        { "Withdraw £1,200.50 from LP-001's account", "accounts___request_withdrawal", "investorId=LP-001;amount=1200.50" },
        { "Book a callback for LP-005 on 2026-12-03 in the afternoon", "scheduling___book_callback", "investorId=LP-005;date=2026-12-03;timeSlot=afternoon" },
        { "Can my adviser ring me on 5th December 2026 in the morning? I'm LP-007", "scheduling___book_callback", "investorId=LP-007;date=2026-12-05;timeSlot=morning" },
    };
}
